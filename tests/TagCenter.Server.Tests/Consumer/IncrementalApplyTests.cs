using System.Text;
using Microsoft.Extensions.Time.Testing;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Consumer;
using TagCenter.Server.Log;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Consumer;

/// <summary>
/// Applying a batch of events reads only its own rows and touches only the persons they (and the clusters they link)
/// belong to, however many batches came before; and what it leaves equals a full identity run over the same rows.
/// Work is counted in nodes re-resolved and persons rewritten (figures known by hand from the events), never in time.
/// </summary>
public sealed class IncrementalApplyTests(DemoWorkspace demo) : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));
    private long _offset;
    private int _messages;

    [Fact]
    public void Apply_BatchAfterBatch_ReadsOnlyNewRows_TouchesOnlyTheirPersons_SameAsFullRun()
    {
        var workspace = WorkspaceLoader.Load(demo.Copy(_temp));
        using var db = WorkspaceDatabase.Open(workspace.DatabasePath);
        var applier = new EventApplier(workspace, _time);
        Apply(applier, db, Track("a-first", null)); // creates the table: a normal incremental run reads it once

        var reports = new List<IdentityRunReport>();
        for (var i = 0; i < 25; i++)
        {
            // Each batch: a new visitor (one anonymous id) and a new user (userId + anonymousId): 3 new nodes, 2 persons.
            Apply(applier, db, Track($"a-{i}", null), Track($"b-{i}", $"u-{i}"), Track($"b-{i}", $"u-{i}"));
            reports.Add(applier.LastIdentity!);
        }
        reports.ShouldAllBe(r => r.Appended && r.SourcesRead == 1 && r.Reresolved == 3 && r.Touched == 2);

        // A known visitor logs in: its cluster (a-3) and the new userId are re-resolved, one person rewritten.
        Apply(applier, db, Track("a-3", "u-new"));
        (applier.LastIdentity!.Appended, applier.LastIdentity.Reresolved, applier.LastIdentity.Touched, applier.LastIdentity.Merges).ShouldBe((true, 2L, 1L, 0L));
        // alias: visitor a-4 was user u-new all along: two persons merge (3 nodes re-resolved, 2 records rewritten).
        Apply(applier, db, Alias("a-4", "u-new"));
        (applier.LastIdentity!.Appended, applier.LastIdentity.Reresolved, applier.LastIdentity.Touched, applier.LastIdentity.Merges).ShouldBe((true, 3L, 2L, 1L));
        // A known user again: nothing new to resolve, only their record follows (one more sighting).
        Apply(applier, db, Track("b-7", "u-7"));
        (applier.LastIdentity!.Reresolved, applier.LastIdentity.Touched).ShouldBe((0L, 1L));

        var appended = Snapshot(db);
        new IdentityRunner(db, workspace, _time).Run(incremental: false);
        var full = Snapshot(db);
        appended.Map.ShouldBe(full.Map);
        appended.Persons.ShouldBe(full.Persons);
        appended.Facts.ShouldBe(full.Facts);
        appended.Nodes.ShouldBe(full.Nodes);
        appended.Map.Count(m => m.StartsWith("anonymous_id:", StringComparison.Ordinal)).ShouldBe(51); // a-first + 25 × (a-i, b-i)
    }

    private void Apply(EventApplier applier, WorkspaceDatabase db, params string[] messages)
    {
        _time.Advance(TimeSpan.FromSeconds(1));
        var records = messages.Select(m => new LogRecord(_offset++, _time.GetUtcNow().ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes(m))).ToList();
        applier.Apply(db, records, TestContext.Current.CancellationToken);
    }

    private string Track(string anonymousId, string? userId) =>
        $$"""{"type":"track","event":"page_view","anonymousId":"{{anonymousId}}"{{(userId is null ? "" : $",\"userId\":\"{userId}\"")}},"messageId":"m-{{++_messages}}","timestamp":"{{_time.GetUtcNow():O}}","_source":"sdk_events"}""";

    private string Alias(string previousId, string userId) =>
        $$"""{"type":"alias","previousId":"{{previousId}}","userId":"{{userId}}","messageId":"m-{{++_messages}}","timestamp":"{{_time.GetUtcNow():O}}","_source":"sdk_events"}""";

    private sealed record State(List<string> Map, List<string> Persons, List<string> Facts, List<string> Nodes);

    private static State Snapshot(WorkspaceDatabase db) => new(
        Texts(db, "SELECT type || ':' || value || '=' || oneid || '@' || cluster || '#' || occurrences || '/' || coalesce(CAST(first_seen AS VARCHAR), '') FROM identity_map"),
        Texts(db, "SELECT CAST(to_json(p) AS VARCHAR) FROM dim_person p"),
        Texts(db, "SELECT _source || ':' || _line || '=' || coalesce(oneid, '∅') FROM fact_events"),
        Texts(db, "SELECT node || ':' || type || ':' || value || '#' || occurrences || '/' || coalesce(CAST(first_seen AS VARCHAR), '') FROM id_nodes"));

    private static List<string> Texts(WorkspaceDatabase db, string sql) => [.. db.Rows(sql).Select(r => (string)r[0]!).Order(StringComparer.Ordinal)];

    public void Dispose() => _temp.Dispose();
}
