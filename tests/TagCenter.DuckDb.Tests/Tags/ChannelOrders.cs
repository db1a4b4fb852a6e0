using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// A workspace of three persons (P1–P3) whose orders have a time and a channel, with the tags given, for the tests of
/// how ties are settled: what a run stores, and what the in-memory evaluator gives over the same rows.
/// </summary>
internal sealed class ChannelOrders : IDisposable
{
    public static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();
    private readonly IReadOnlyList<(string Person, DateTime? Time, string? Channel)> _rows;

    public ChannelOrders(string tagsYaml, IReadOnlyList<(string Person, DateTime? Time, string? Channel)> rows)
    {
        _rows = rows;
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", tagsYaml);
        Database.Execute("CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1'), ('P2'), ('P3')) t(oneid)");
        Database.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, channel VARCHAR)");
        foreach (var (person, time, channel) in rows)
            Database.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3)", person, time, channel);
        Catalog = TagCatalog.Load(_workspace.Root);
        Runner = new TagRunner(Database, TimeProvider.System);
    }

    public Storage.WorkspaceDatabase Database => _workspace.Database;

    public TagCatalog Catalog { get; }

    public TagRunner Runner { get; }

    /// <summary>Runs the tags as of <see cref="AsOf"/>.</summary>
    public void Run() => Runner.Run(Catalog, AsOf);

    /// <summary>The stored values of the tag <paramref name="code"/> by OneID, after a <see cref="Run"/>.</summary>
    public Dictionary<string, object?> Stored(string code) =>
        Database.Rows($"SELECT oneid, {code} FROM tc_tags ORDER BY oneid").ToDictionary(r => (string)r[0]!, r => r[1]);

    /// <summary>The evaluator's values for <paramref name="person"/> over their rows (in reverse order, when asked: it must not matter).</summary>
    public IReadOnlyDictionary<string, object?> Evaluate(string person, bool reversed = false)
    {
        var rows = _rows.Where(r => r.Person == person)
            .Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["event_time"] = r.Time, ["channel"] = r.Channel }).ToList();
        if (reversed)
            rows.Reverse();
        var compiled = TagCompiler.Compile(Catalog, Runner.Schema(), AsOf);
        return TagEvaluator.Evaluate(compiled, new PersonData(new Dictionary<string, object?>(),
            new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> { ["orders"] = rows }), AsOf);
    }

    public void Dispose() => _workspace.Dispose();
}
