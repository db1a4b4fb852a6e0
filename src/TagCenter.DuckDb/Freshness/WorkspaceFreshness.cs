using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
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

    /// <summary>Every stage, for <c>status</c> and <c>run</c>; <c>refresh</c> asks for one stage at a time, as it goes.</summary>
    public static WorkspaceFreshness Of(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var (toLoad, sources) = SourceStage(db, workspace);
        return new WorkspaceFreshness(toLoad, sources, IdentityStage(db, workspace), TagStage(db));
    }

    private static Dictionary<string, (string? Fingerprint, DateTime? At)> LastLoads(WorkspaceDatabase db) => db.Rows("""
        SELECT source, arg_max(fingerprint, finished_at), max(finished_at)
        FROM loads WHERE status = 'loaded' GROUP BY source
        """).ToDictionary(r => (string)r[0]!, r => (Fingerprint: (string?)r[1], At: (DateTime?)r[2]));

    /// <summary>The sources whose file or declaration changed since their last load (database sources always), and why.</summary>
    public static (IReadOnlyList<string> ToLoad, StageFreshness Stage) SourceStage(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var lastLoads = LastLoads(db);
        var toLoad = new List<string>();
        var sourceReasons = new List<string>();
        foreach (var source in workspace.Sources.Where(s => s.Kind != SourceKind.Segment)) // events arrive over HTTP
        {
            if (!lastLoads.TryGetValue(source.Name, out var last))
            {
                toLoad.Add(source.Name);
                sourceReasons.Add(Texts.T("fresh.never_loaded", source.Name));
            }
            else if (SourceFingerprint.Of(workspace, source) is not { } now)
            {
                toLoad.Add(source.Name); // a database source is read afresh each time; a file that is gone is a problem to say
                if (source.Path is { } path && !File.Exists(workspace.Resolve(path)))
                    sourceReasons.Add(Texts.T("fresh.file_missing", source.Name, path));
            }
            else if (now != last.Fingerprint)
            {
                toLoad.Add(source.Name);
                sourceReasons.Add(Texts.T("fresh.changed", source.Name));
            }
        }
        var lastLoad = lastLoads.Values.Max(v => v.At);
        return (toLoad, new StageFreshness("sources", sourceReasons.Count == 0, lastLoad, sourceReasons));
    }

    /// <summary>
    /// What identity depends on besides the loaded rows: the identity section (types, limits, blocklist, golden
    /// rules) and which sources with which identifier and golden columns exist. Recorded after each identity run.
    /// </summary>
    private static string IdentityInputs(WorkspaceDefinition workspace)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(new
        {
            identity = workspace.Identity,
            identifiers = workspace.Identifiers,
            sources = workspace.Sources.Select(s => new { s.Name, s.Fact, s.Owner, s.EventTime, s.Entity, columns = s.Columns.Select(c => new { c.Name, c.Identifier, c.Type }) }),
        });
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Records the identity inputs a run used, so a later change to them marks identity stale.</summary>
    public static void RecordIdentityInputs(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        db.Execute("CREATE TABLE IF NOT EXISTS stage_inputs (stage VARCHAR PRIMARY KEY, fingerprint VARCHAR, recorded_at TIMESTAMP)");
        db.Execute("INSERT OR REPLACE INTO stage_inputs VALUES ('identity', $1, now())", IdentityInputs(workspace));
    }

    /// <summary>
    /// Identity (and the fact tables it builds) against the loads since its last run, the identity inputs it
    /// recorded (which also change when a source is added or removed) and the declared facts.
    /// </summary>
    public static StageFreshness IdentityStage(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var lastRun = db.TableExists("identity_runs") ? db.Scalar<DateTime?>("SELECT max(run_at) FROM identity_runs") : null;
        var reasons = new List<string>();
        if (lastRun is null)
        {
            reasons.Add(Texts.T("fresh.identity_never"));
            return new StageFreshness("identity", false, null, reasons);
        }
        foreach (var (source, last) in LastLoads(db).Where(l => l.Value.At > lastRun && workspace.FindSource(l.Key) is not null))
            reasons.Add(Texts.T("fresh.loaded_since", source, last.At));
        var recorded = db.TableExists("stage_inputs") ? db.Scalar<string>("SELECT fingerprint FROM stage_inputs WHERE stage = 'identity'") : null;
        if (recorded is not null && recorded != IdentityInputs(workspace))
            reasons.Add(Texts.T("fresh.identity_inputs"));
        var declaredFacts = UnifiedModel.Declared(workspace);
        var factTables = UnifiedModel.Tables(db);
        foreach (var orphan in factTables.Except(declaredFacts).Order(StringComparer.Ordinal))
            reasons.Add(Texts.T("fresh.fact_undeclared", orphan));
        foreach (var missing in declaredFacts.Except(factTables).Order(StringComparer.Ordinal))
            reasons.Add(Texts.T("fresh.fact_missing", missing));
        return new StageFreshness("identity", reasons.Count == 0, lastRun, reasons);
    }

    /// <summary>Each published tag against its last run, the last identity run and its last publish.</summary>
    public static StageFreshness TagStage(WorkspaceDatabase db)
    {
        if (!db.TableExists("tag_runs") || !db.TableExists("tag_catalog"))
            return new StageFreshness("tags", false, null, [Texts.T("fresh.tags_never")]);
        // Per published tag: when it was last computed (a partial run refreshes only its own tags).
        var tags = db.Rows("""
            SELECT c.name, c.published_at, max(r.finished_at)
            FROM tag_catalog c
            LEFT JOIN (SELECT unnest(string_split(tags, ',')) AS code, finished_at FROM tag_runs WHERE status = 'ok') r USING (code)
            GROUP BY c.name, c.published_at, c.position ORDER BY c.position
            """).Select(r => (Name: (string)r[0]!, Published: (DateTime?)r[1], Computed: (DateTime?)r[2])).ToList();
        var lastRun = tags.Max(t => t.Computed);
        if (lastRun is null)
            return new StageFreshness("tags", false, null, [Texts.T("fresh.tags_never")]);
        var lastIdentity = db.TableExists("identity_runs") ? db.Scalar<DateTime?>("SELECT max(run_at) FROM identity_runs") : null;
        var reasons = new List<string>();
        var never = tags.Where(t => t.Computed is null).Select(t => t.Name).ToList();
        if (never.Count > 0)
            reasons.Add(Texts.T("fresh.tags_uncomputed", string.Join(", ", never)));
        var beforeIdentity = tags.Where(t => t.Computed is not null && t.Computed < lastIdentity).Select(t => t.Name).ToList();
        if (beforeIdentity.Count > 0)
            reasons.Add(Texts.T("fresh.identity_since", lastIdentity, string.Join(", ", beforeIdentity)));
        var republished = tags.Where(t => t.Computed is not null && t.Published > t.Computed).Select(t => t.Name).ToList();
        if (republished.Count > 0)
            reasons.Add(Texts.T("fresh.published_since", string.Join(", ", republished)));
        return new StageFreshness("tags", reasons.Count == 0, lastRun, reasons);
    }
}
