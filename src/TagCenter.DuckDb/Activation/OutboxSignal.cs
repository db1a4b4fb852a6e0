using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The doorbell between who enqueues (a run's trigger pass, the real-time path) and a dispatcher that works a
/// workspace's outbox continuously (<c>tagcenter serve</c>). While one is registered for a workspace, enqueuers
/// ring it instead of dispatching in-line, so a delivery leaves at once and the run never waits on a webhook.
/// In-process only: a CLI run beside a server dispatches its own share (the store's keys keep enqueueing idempotent).
/// </summary>
public static class OutboxSignal
{
    private static readonly ConcurrentDictionary<string, ImmutableList<Action>> Listeners = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="wake"/> as a dispatcher of the workspace at <paramref name="root"/>; dispose to leave.</summary>
    public static IDisposable Register(string root, Action wake)
    {
        var key = Key(root);
        Listeners.AddOrUpdate(key, _ => [wake], (_, list) => list.Add(wake));
        return new Registration(key, wake);
    }

    /// <summary>Rings the dispatchers of <paramref name="root"/>; false when none is registered (the caller dispatches itself).</summary>
    public static bool Pulse(string root)
    {
        if (!Listeners.TryGetValue(Key(root), out var wakes) || wakes.IsEmpty)
            return false;
        foreach (var wake in wakes)
            wake();
        return true;
    }

    private static string Key(string root) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    private sealed class Registration(string key, Action wake) : IDisposable
    {
        public void Dispose() => Listeners.AddOrUpdate(key, _ => [], (_, list) => list.Remove(wake));
    }
}
