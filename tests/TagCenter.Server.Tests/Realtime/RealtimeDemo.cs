using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Hosting;
using TagCenter.Server.Realtime;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// A copy of the demo workspace served in memory, with what real-time tests do to it: add fact rows as the ingest
/// consumer would, tell the listener as the consumer does, run the batch path, and read a person's stored state.
/// </summary>
internal sealed class RealtimeDemo : IAsyncDisposable
{
    /// <summary>The demo data's as-of (DemoCalendar.AsOf): events are generated before it.</summary>
    public static readonly DateTime DemoAsOf = new(2026, 11, 1);

    /// <summary>The demo's real-time tags (samples/retail/tags/行为.yaml) and their codes.</summary>
    public static readonly string[] RealtimeTags = ["近30天访问次数", "活跃度"];

    public static readonly string[] RealtimeCodes = ["visits_30d", "activity_level"];

    private readonly TempFolder _temp;

    private RealtimeDemo(TempFolder temp, ApiServer server)
    {
        _temp = temp;
        Server = server;
    }

    public ApiServer Server { get; }

    public WorkspaceHost Host => Server.App.Services.GetRequiredService<WorkspaceHost>();

    public RealtimeListener Listener => Server.App.Services.GetRequiredService<RealtimeListener>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RealtimeDemo> StartAsync(DemoWorkspace demo, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var temp = new TempFolder();
        var root = demo.Copy(temp);
        return new RealtimeDemo(temp, await ApiServer.StartAsync(root, configure));
    }

    public Task<List<string>> PersonsAsync(string where = "TRUE", int limit = 1000) =>
        Host.ReadAsync((db, _) => db.Rows($"SELECT oneid FROM person_tags WHERE {where} ORDER BY oneid LIMIT {limit}").Select(r => (string)r[0]!).ToList(), Ct);

    /// <summary>Adds an app event or a paid order for a person, at a wall-clock time of the workspace's zone.</summary>
    public Task AddAsync(IEnumerable<FactEvent> events) => Host.WriteAsync((db, _) =>
    {
        foreach (var e in events)
        {
            if (e.Event == "order")
                db.Execute("INSERT INTO fact_orders (oneid, event_time, amount, status) VALUES ($1, $2, 10.5, 'paid')", e.OneId, e.At);
            else
                db.Execute("INSERT INTO fact_events (oneid, event_time, event) VALUES ($1, $2, $3)", e.OneId, e.At, e.Event);
        }
        return 0;
    }, Ct);

    /// <summary>What the ingest consumer does after committing a batch: tells the listener, as of <paramref name="asOf"/> in the workspace's zone.</summary>
    public async Task ApplyAsync(IEnumerable<string> oneIds, DateTime asOf)
    {
        var at = new DateTimeOffset(asOf, Host.Definition.TimeZone.GetUtcOffset(asOf));
        await Listener.OnAppliedAsync(new AppliedEvents([.. oneIds.Distinct().Select(id => new AppliedPerson(id, at))], 0, at), Ct);
    }

    /// <summary>The batch path at <paramref name="asOf"/>: a refresh of the real-time tags, then a pass over the dynamic segments.</summary>
    public Task BatchAsync(DateTime asOf) => Host.WriteAsync((db, ct) =>
    {
        var catalog = PublishedCatalog.Load(db)!;
        var run = new TagRunner(db, TimeProvider.System).Run(catalog, asOf, RealtimeTags);
        SegmentPass.Run(db, catalog, Dynamic(), asOf, run.RunId, TimeProvider.System, ct);
        return 0;
    }, Ct);

    public IReadOnlyList<SegmentDefinition> Dynamic() =>
        [.. SegmentCatalog.Load(Host.Definition.Root).Segments.Where(s => s.Type == SegmentType.Dynamic)];

    /// <summary>
    /// Per person: the stored real-time tag values (as text), the same values read from the open history intervals,
    /// and the segments they are in (open membership intervals).
    /// </summary>
    public Task<Dictionary<string, PersonState>> StateAsync(IReadOnlyCollection<string> oneIds) => Host.ReadAsync((db, _) =>
    {
        var state = new Dictionary<string, PersonState>();
        foreach (var id in oneIds)
        {
            var stored = db.Rows($"SELECT {string.Join(", ", RealtimeCodes.Select(c => $"CAST({c} AS VARCHAR)"))} FROM person_tags WHERE oneid = $1", id)[0];
            var history = db.Rows($"SELECT tag, value FROM tag_history WHERE oneid = $1 AND valid_to IS NULL AND tag IN ('visits_30d', 'activity_level')", id)
                .ToDictionary(r => (string)r[0]!, r => (string?)r[1]);
            var segments = db.Rows("SELECT segment FROM segment_members WHERE oneid = $1 AND to_seq IS NULL ORDER BY segment", id).Select(r => (string)r[0]!).ToList();
            state[id] = new PersonState(
                string.Join("|", stored.Select(v => v as string ?? "∅")),
                string.Join("|", RealtimeCodes.Select(c => history.GetValueOrDefault(c) ?? "∅")),
                string.Join("|", segments));
        }
        return state;
    }, Ct);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}

/// <summary>One fact row a test adds: an app event (<c>app_start</c>, <c>page_view</c>, …) or a paid <c>order</c>.</summary>
internal sealed record FactEvent(string OneId, string Event, DateTime At);

/// <summary>A person's stored real-time values, the same from history, and their segments (each joined with |).</summary>
internal sealed record PersonState(string Stored, string History, string Segments);
