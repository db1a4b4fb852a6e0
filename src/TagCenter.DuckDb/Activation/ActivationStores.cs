using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Stores;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Opens the activation store (outbox, delivery log, dead letters, opt-outs, tasks, messages) where the control store
/// is: the same <c>--store</c> value (or <c>TAGCENTER_STORE</c>). PostgreSQL when it names PostgreSQL, so a server and
/// the CLI's runs share one outbox; otherwise SQLite at <c>.tagcenter/activation.db</c> in the workspace.
/// </summary>
public static class ActivationStores
{
    public const string Variable = ControlStores.Variable;

    private static readonly AsyncLocal<Choice?> Ambient = new();

    /// <summary>
    /// The store value in force: the one a server set around its runs (<see cref="Use"/>), else the environment's
    /// (<c>TAGCENTER_STORE</c>), as the CLI's commands use it.
    /// </summary>
    public static string? Configured => Ambient.Value is { } choice ? choice.Store : Environment.GetEnvironmentVariable(Variable);

    /// <summary>
    /// Makes <paramref name="store"/> the value in force for the pipeline run inside the returned scope (on this async
    /// flow only): a server started with <c>--store</c> runs its triggers into its own outbox, whatever the environment says.
    /// </summary>
    public static IDisposable Use(string? store)
    {
        var previous = Ambient.Value;
        Ambient.Value = new Choice(store);
        return new Restore(() => Ambient.Value = previous);
    }

    public static SqlActivationStore Open(string? store, string workspaceRoot)
    {
        if (ControlStores.PostgresConnection(store) is not { } connection)
            return SqliteActivationStore.Open(SqliteActivationStore.PathIn(workspaceRoot));
        try
        {
            return PostgresActivationStore.Open(connection);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            throw new TagCenterException(Texts.T("activation.store.open", $"postgres://{builder.Host}:{builder.Port}/{builder.Database}", e.Message), e);
        }
    }

    private sealed record Choice(string? Store);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
