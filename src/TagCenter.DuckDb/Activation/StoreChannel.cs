using System.Text.Json;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Task and message actions: rows in the activation store (<c>activation_tasks</c>, <c>activation_messages</c>) that
/// an advisor tool or a message sender picks up. A message template may use {person}, {trigger} and {detail}.
/// </summary>
public sealed class StoreChannel : IDeliveryChannel
{
    private readonly IActivationStore _store;

    public StoreChannel(IActivationStore store) => _store = store;

    public int BatchSize => 500;

    public Task DeliverAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        _store.Batch(() => Record(items));
        return Task.CompletedTask;
    }

    private void Record(IReadOnlyList<OutboxItem> items)
    {
        foreach (var item in items)
        {
            var detail = Detail(item);
            if (item.Action.Kind == ActionKind.Task)
                _store.AddTask(item, detail);
            else
                _store.AddMessage(item, (item.Action.Template ?? "").Replace("{person}", item.Person, StringComparison.Ordinal)
                    .Replace("{trigger}", item.Trigger, StringComparison.Ordinal).Replace("{detail}", detail, StringComparison.Ordinal));
        }
    }

    internal static string Detail(OutboxItem item)
    {
        using var doc = JsonDocument.Parse(item.Payload);
        return doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
    }
}
