using TagCenter.Client;

namespace TagCenter.Web.Activation;

/// <summary>A trigger's line in the table: its deliveries in the table's status order, and their total.</summary>
internal sealed record TriggerRow(string Name, string When, string Actions, IReadOnlyList<long> Counts, long Total);

/// <summary>The triggers table: one column per delivery status, a row per trigger, and a totals line.</summary>
internal sealed record TriggerTable(IReadOnlyList<string> Statuses, IReadOnlyList<TriggerRow> Rows, IReadOnlyList<long> Totals)
{
    public long Total => Totals.Sum();

    public static TriggerTable Of(IReadOnlyList<TriggerSummary> triggers)
    {
        var statuses = DeliveryStatuses.Columns(triggers.Select(t => t.Deliveries));
        var rows = triggers
            .Select(t =>
            {
                long[] counts = [.. statuses.Select(s => t.Deliveries.GetValueOrDefault(s))];
                return new TriggerRow(t.Name, t.When, string.Join("；", t.Actions), counts, counts.Sum());
            })
            .ToList();
        return new TriggerTable(statuses, rows, [.. statuses.Select((_, i) => rows.Sum(r => r.Counts[i]))]);
    }
}
