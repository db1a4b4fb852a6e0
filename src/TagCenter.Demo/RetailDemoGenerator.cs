using System.Text;

namespace TagCenter.Demo;

/// <summary>
/// Writes the sample retail workspace's source files: the same people under different identifiers in six
/// systems, dirty the way real exports are. Deterministic for a given seed and size.
/// </summary>
public static class RetailDemoGenerator
{
    public const int DefaultPersons = 50_000;
    public const int DefaultSeed = 20261101;

    /// <summary>Where, under the data folder, the true person of every generated identifier is written.</summary>
    public static readonly string TruthFile = Path.Combine("_truth", "identifiers.csv");

    static RetailDemoGenerator() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DemoSummary Generate(string dataDirectory, int persons = DefaultPersons, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(persons, 1);
        Directory.CreateDirectory(dataDirectory);
        string P(string name) => Path.Combine(dataDirectory, name);
        var people = DemoPopulation.Create(persons, seed);
        var gbk = Encoding.GetEncoding("GB18030");

        // Each file draws from its own random stream, so the files can be written in parallel and stay deterministic.
        var crm = Task.Run(() => CrmExportWriter.Write(P("crm_members.csv"), people, seed + 1, gbk));
        var events = Task.Run(() => EventLogWriter.Write(P("app_events.jsonl"), P("web_events.jsonl"), people, seed + 2));
        var orders = Task.Run(() => OrderExportWriter.Write(P("orders.parquet"), P("order_items.parquet"), people, seed + 3));
        var pos = Task.Run(() => StoreExportWriters.WritePos(P("pos_sales.csv"), people, seed + 4));
        var mini = Task.Run(() => StoreExportWriters.WriteMiniProgramUsers(P("mini_users.csv"), people, seed + 5));
        var tickets = Task.Run(() => StoreExportWriters.WriteTickets(P("service_tickets.csv"), people, seed + 6));
        var truth = Task.Run(() => TruthWriter.Write(P(TruthFile), people));
        Task.WaitAll(crm, events, orders, pos, mini, tickets, truth);

        return new DemoSummary(persons, new Dictionary<string, int>
        {
            ["crm_members.csv"] = crm.Result,
            ["app_events.jsonl"] = events.Result.App,
            ["web_events.jsonl"] = events.Result.Web,
            ["orders.parquet"] = orders.Result.Orders,
            ["order_items.parquet"] = orders.Result.Items,
            ["pos_sales.csv"] = pos.Result,
            ["mini_users.csv"] = mini.Result,
            ["service_tickets.csv"] = tickets.Result,
        });
    }
}
