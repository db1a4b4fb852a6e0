using System.Diagnostics;
using TagCenter.Core.Identity;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// One identity run over everything loaded: extract identifiers → resolve persons (TagCenter.Core) →
/// OneIDs carried over from the previous map (merges and splits recorded), conflicts → golden record
/// (<c>dim_person</c>) → fact tables keyed by OneID. The whole run is one transaction: a giant person or a
/// cancellation leaves every table as it was. An incremental run re-resolves only the clusters that changed
/// and gives the same result as a full one.
/// </summary>
public sealed class IdentityRunner
{
    private readonly WorkspaceDatabase _db;
    private readonly WorkspaceDefinition _workspace;
    private readonly TimeProvider _time;

    public IdentityRunner(WorkspaceDatabase db, WorkspaceDefinition workspace, TimeProvider time)
    {
        _db = db;
        _workspace = workspace;
        _time = time;
    }

    /// <param name="incremental">Re-resolve only the clusters that changed since the last run (the same result as a full run).</param>
    public IdentityRunReport Run(bool incremental = false) => Execute(incremental, CancellationToken.None);

    /// <summary>The run on a worker thread; cancelling stops it between steps and rolls everything back.</summary>
    /// <exception cref="OperationCanceledException">Cancelled: every table is as it was before the run.</exception>
    public Task<IdentityRunReport> RunAsync(bool incremental, CancellationToken cancellationToken) =>
        Task.Run(() => Execute(incremental, cancellationToken), cancellationToken);

    /// <summary>
    /// An incremental run inside the caller's open transaction, so applied events, the identities they bring and
    /// whatever else the caller writes (the ingest consumer's offset) commit or roll back together.
    /// </summary>
    public IdentityRunReport RunInTransaction(bool incremental, CancellationToken cancellationToken) =>
        Execute(incremental, cancellationToken, ownTransaction: false);

    /// <summary>
    /// After rows were appended to sources (a batch of events: each source and the load id its new rows carry), an
    /// incremental run that reads only those rows and touches only the persons they and the clusters they link belong
    /// to, so its cost does not grow with the history; inside the caller's transaction. The same result as a full run.
    /// A source not extracted up to its previous load (or under other definitions) makes it a normal incremental run.
    /// </summary>
    public IdentityRunReport AppendInTransaction(IReadOnlyList<(SourceDefinition Source, string LoadId)> loads, CancellationToken cancellationToken) =>
        Execute(incremental: true, cancellationToken, ownTransaction: false, [.. loads.Select(l => new IdentityExtraction.AppendedLoad(l.Source, l.LoadId))]);

    private IdentityRunReport Execute(bool incremental, CancellationToken cancellationToken, bool ownTransaction = true,
        IReadOnlyList<IdentityExtraction.AppendedLoad>? appended = null)
    {
        var stopwatch = Stopwatch.StartNew();
        _steps.Clear();
        _stepClock.Restart();
        var runId = RunIds.Next('I', _time);
        IdentityTables.Ensure(_db);
        IdentityExtraction.Ensure(_db);
        return ownTransaction ? _db.InTransaction(Body) : Body();

        IdentityRunReport Body()
        {
            Checkpoint("start", cancellationToken);
            RememberIssuedIds();
            incremental &= _db.Scalar<long>("SELECT count(*) FROM identity_runs") > 0 && IdentityExtraction.Current(_db);
            // Appending needs every source extracted and nothing but whole new loads of append-only sources.
            var appending = incremental && appended is { Count: > 0 } && !UnifiedModel.Owns(_workspace, appended)
                && IdentityExtraction.Append(_db, _workspace, appended);
            var sourcesRead = appending ? appended!.Count : IdentityExtraction.Run(_db, _workspace, all: !incremental);
            Checkpoint("extracted", cancellationToken);
            var rules = _workspace.Identity.Rules;
            var affected = incremental ? IncrementalScope.Compute(_db) : _db.Scalar<long>("SELECT count(*) FROM id_nodes");

            var graph = IdentityGraphLoader.Load(_db, rules, incremental ? "n.node IN (SELECT node FROM id_affected)" : "true");
            var previous = PreviousOneIds.Load(_db, graph);
            Checkpoint("loaded", cancellationToken);
            var resolution = IdentityResolver.Resolve(graph.Input);
            CheckSize(resolution, graph);
            var assignment = OneIdAssigner.Assign(graph.Input, resolution, previous.PerNode, previous.Ids.Length);
            Checkpoint("resolved", cancellationToken);
            var names = OneIdNaming.Name(_db, assignment, previous, graph, EntityOf);
            Checkpoint("named", cancellationToken);
            WriteNewMap(graph, resolution, assignment, names, incremental && !appending);

            var conflictCount = RecordConflicts(runId, resolution, graph, rules, incremental);
            var (merges, splits) = IdentityHistory.Record(_db, runId, _time.GetUtcNow().UtcDateTime, assignment, names, conflictCount > 0);
            _db.Execute("INSERT INTO identity_oneids SELECT oneid, born, $1 FROM id_oneids_new", runId);
            if (incremental)
                RowOwners.NoteMoves(_db);
            if (appending)
                AppendedIdentities.ReplaceMap(_db);
            else
                _db.Execute("""
                    CREATE OR REPLACE TABLE identity_map AS
                    SELECT n.node, n.type, n.value, m.oneid, m.cluster, n.first_seen, n.occurrences, n.entity
                    FROM id_nodes n JOIN id_map_new m USING (node)
                    """);
            Checkpoint("mapped", cancellationToken);
            RowOwners.Build(_db, rules, incremental, appending);
            if (appending)
            {
                var touched = GoldenRecord.Update(_db, _workspace);
                OtherEntities.Update(_db, _workspace);
                UnifiedModel.Append(_db, _workspace, appended!);
                Checkpoint("built", cancellationToken);
                return AppendedIdentities.Finish(_db, runId, _time.GetUtcNow().UtcDateTime, merges, splits, stopwatch.Elapsed) with
                {
                    Incremental = true,
                    Appended = true,
                    Reresolved = affected,
                    Touched = touched,
                    SourcesRead = sourcesRead,
                    Steps = new Dictionary<string, TimeSpan>(_steps),
                };
            }
            GoldenRecord.Build(_db, _workspace);
            OtherEntities.Build(_db, _workspace);
            var facts = UnifiedModel.Build(_db, _workspace, incremental);
            Checkpoint("built", cancellationToken);
            var persons = _db.Scalar<long>("SELECT count(*) FROM dim_person");
            var blocked = _db.Scalar<long>("SELECT coalesce(sum(occurrences), 0)::BIGINT FROM id_blocked");
            var nodes = _db.Scalar<long>("SELECT count(*) FROM id_nodes");
            var edges = _db.Scalar<long>("SELECT count(*) FROM (SELECT DISTINCT a, b FROM id_source_edges)");
            var conflicts = _db.Scalar<long>("SELECT count(*) FROM identity_conflicts");
            var largest = (int)_db.Scalar<long>("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM identity_map GROUP BY oneid)");
            _db.Execute("INSERT INTO identity_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                runId, _time.GetUtcNow().UtcDateTime, nodes, edges, persons, conflicts, blocked, merges, splits, largest);
            return new IdentityRunReport(runId, nodes, edges, persons, conflicts, blocked, merges, splits, largest, facts, stopwatch.Elapsed)
            {
                Incremental = incremental,
                Reresolved = affected,
                SourcesRead = sourcesRead,
                Steps = new Dictionary<string, TimeSpan>(_steps),
            };
        }
    }

    private readonly Dictionary<string, TimeSpan> _steps = [];
    private readonly Stopwatch _stepClock = new();

    /// <summary>Called at each step (tests cancel a run half-way with it).</summary>
    internal Action<string>? AfterStep { get; init; }

    private void Checkpoint(string step, CancellationToken cancellationToken)
    {
        _steps[step] = _stepClock.Elapsed;
        _stepClock.Restart();
        AfterStep?.Invoke(step);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>A workspace from before <c>identity_oneids</c>: its ids count as issued, so no new id repeats one.</summary>
    private void RememberIssuedIds() => _db.Execute("""
        INSERT INTO identity_oneids
        SELECT oneid, 0, NULL FROM (SELECT oneid FROM identity_map UNION SELECT oneid FROM identity_history UNION SELECT other_oneid FROM identity_history)
        WHERE oneid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM identity_oneids)
        """);

    private string EntityOf(string type) => _workspace.Identifiers.FirstOrDefault(i => i.Name == type)?.Entity ?? "person";

    private void CheckSize(IdentityResolution resolution, IdentityGraphLoader graph)
    {
        if (resolution.Person.Length == 0)
            return;
        var (anchor, size) = resolution.Person.GroupBy(p => p).Select(g => (g.Key, g.Count())).MaxBy(s => s.Item2);
        var limit = _workspace.Identity.MaxComponentSize;
        if (size <= limit)
            return;
        var members = Enumerable.Range(0, resolution.Person.Length).Where(i => resolution.Person[i] == anchor).Select(i => graph.Global[i]).ToHashSet();
        var top = _db.Rows("SELECT node, type, value, occurrences FROM id_nodes ORDER BY occurrences DESC LIMIT 5000")
            .Where(r => members.Contains(Convert.ToInt32(r[0]))).Take(5)
            .Select(r => $"{r[1]}:{r[2]} ({Convert.ToInt64(r[3]):N0})").ToList();
        throw new GiantComponentException(size, limit, top);
    }

    /// <summary>
    /// <c>id_map_new(node, oneid, cluster)</c> for every current node: the resolved part from the assignment,
    /// and in an incremental run the untouched rest carried over from the previous map. A cluster is named
    /// by its lowest identifier (type:value), which does not depend on how nodes are numbered.
    /// </summary>
    private void WriteNewMap(IdentityGraphLoader graph, IdentityResolution resolution, OneIdAssignment assignment, string[] names, bool incremental)
    {
        _db.Execute("CREATE OR REPLACE TEMP TABLE id_map_new (node INTEGER, oneid VARCHAR, cluster VARCHAR)");
        using (var appender = _db.Connection.CreateAppender("id_map_new"))
            for (var i = 0; i < resolution.Person.Length; i++)
            {
                var cluster = resolution.Cluster[i];
                appender.CreateRow().AppendValue(graph.Global[i]).AppendValue(names[assignment.Id[i]])
                    .AppendValue(graph.Types[cluster] + ":" + graph.Values[cluster]).EndRow();
            }
        if (incremental)
            _db.Execute("""
                INSERT INTO id_map_new
                SELECT n.node, m.oneid, m.cluster FROM id_nodes n JOIN identity_map m USING (node)
                WHERE n.node NOT IN (SELECT node FROM id_affected)
                """);
    }

    private long RecordConflicts(string runId, IdentityResolution resolution, IdentityGraphLoader graph, IReadOnlyList<IdentifierTypeRule> rules, bool incremental)
    {
        // An incremental run keeps the conflicts of the clusters it did not re-resolve.
        _db.Execute(incremental
            ? """
              DELETE FROM identity_conflicts WHERE (from_type, from_value) NOT IN (
                  SELECT n.type, n.value FROM id_nodes n WHERE n.node NOT IN (SELECT node FROM id_affected))
              """
            : "DELETE FROM identity_conflicts");
        using (var appender = _db.Connection.CreateAppender("identity_conflicts"))
            foreach (var c in resolution.Conflicts)
                appender.CreateRow().AppendValue(runId).AppendValue(graph.Types[c.From]).AppendValue(graph.Values[c.From])
                    .AppendValue(graph.Types[c.To]).AppendValue(graph.Values[c.To]).AppendValue(rules[c.LimitedType].Name).AppendValue(c.Limit).EndRow();
        return resolution.Conflicts.Count;
    }
}
