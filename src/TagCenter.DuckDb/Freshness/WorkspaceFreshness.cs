using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Freshness;

/// <summary>
/// How up to date each stage is, the way make decides: sources against their files, identity (and the fact
/// tables it builds) against the last loads and the declared sources, tags against the last identity run and
/// the last publish. <c>refresh</c> runs exactly the stale stages; <c>run</c> warns when its inputs are stale.
/// </summary>
public sealed record WorkspaceFreshness(
    IReadOnlyList<string> SourcesToLoad, StageFreshness Sources, StageFreshness Identity, StageFreshness Tags)
{
    public bool Fresh => Sources.Fresh && Identity.Fresh && Tags.Fresh;

    public static WorkspaceFreshness Of(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var lastLoads = db.Rows("""
            SELECT source, arg_max(fingerprint, finished_at), max(finished_at)
            FROM loads WHERE status = 'loaded' GROUP BY source
            """).ToDictionary(r => (string)r[0]!, r => (Fingerprint: (string?)r[1], At: (DateTime?)r[2]));
        var toLoad = new List<string>();
        var sourceReasons = new List<string>();
        foreach (var source in workspace.Sources)
        {
            if (!lastLoads.TryGetValue(source.Name, out var last))
            {
                toLoad.Add(source.Name);
                sourceReasons.Add(Texts.T("fresh.never_loaded", source.Name));
            }
            else if (SourceFingerprint.Of(workspace, source) is not { } now)
            {
                toLoad.Add(source.Name); // a database source (read afresh each time) or a file that is gone: the loader says which
            }
            else if (now != last.Fingerprint)
            {
                toLoad.Add(source.Name);
                sourceReasons.Add(Texts.T("fresh.changed", source.Name));
            }
        }
        var lastLoad = lastLoads.Values.Max(v => v.At);
        var sources = new StageFreshness("sources", sourceReasons.Count == 0, lastLoad, sourceReasons);
        return new WorkspaceFreshness(toLoad, sources, IdentityStage(db, workspace, lastLoads), TagStage(db));
    }

    private static StageFreshness IdentityStage(WorkspaceDatabase db, WorkspaceDefinition workspace,
        Dictionary<string, (string? Fingerprint, DateTime? At)> lastLoads)
    {
        var lastRun = db.TableExists("identity_runs") ? db.Scalar<DateTime?>("SELECT max(run_at) FROM identity_runs") : null;
        var reasons = new List<string>();
        if (lastRun is null)
        {
            reasons.Add(Texts.T("fresh.identity_never"));
            return new StageFreshness("identity", false, null, reasons);
        }
        foreach (var (source, last) in lastLoads.Where(l => l.Value.At > lastRun && workspace.FindSource(l.Key) is not null))
            reasons.Add(Texts.T("fresh.loaded_since", source, last.At));
        var declaredFacts = workspace.Sources.Where(s => s.Fact is not null).Select(s => "fact_" + s.Fact).ToHashSet(StringComparer.Ordinal);
        var factTables = db.Rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'fact\\_%' ESCAPE '\\' AND NOT temporary")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in factTables.Except(declaredFacts).Order(StringComparer.Ordinal))
            reasons.Add(Texts.T("fresh.fact_undeclared", orphan));
        foreach (var missing in declaredFacts.Except(factTables).Order(StringComparer.Ordinal))
            reasons.Add(Texts.T("fresh.fact_missing", missing));
        return new StageFreshness("identity", reasons.Count == 0, lastRun, reasons);
    }

    private static StageFreshness TagStage(WorkspaceDatabase db)
    {
        var lastRun = db.TableExists("tag_runs") ? db.Scalar<DateTime?>("SELECT max(finished_at) FROM tag_runs") : null;
        var reasons = new List<string>();
        if (lastRun is null)
            return new StageFreshness("tags", false, null, [Texts.T("fresh.tags_never")]);
        var lastIdentity = db.TableExists("identity_runs") ? db.Scalar<DateTime?>("SELECT max(run_at) FROM identity_runs") : null;
        if (lastIdentity > lastRun)
            reasons.Add(Texts.T("fresh.identity_since", lastIdentity));
        var published = db.TableExists("tag_catalog") ? db.Scalar<DateTime?>("SELECT max(published_at) FROM tag_catalog") : null;
        if (published > lastRun)
            reasons.Add(Texts.T("fresh.published_since", published));
        return new StageFreshness("tags", reasons.Count == 0, lastRun, reasons);
    }
}
