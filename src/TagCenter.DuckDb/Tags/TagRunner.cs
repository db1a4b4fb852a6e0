using System.Diagnostics;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// Computes tags on DuckDB and records each run as its changes (<see cref="TagHistory"/>: value intervals per tag
/// and person), so history and "what changed" are cheap queries while storage grows with the changes, not with
/// the runs; <c>person_tags</c> holds the latest values, one column per tag. A run is all-or-nothing: a failure
/// leaves the last good state in place.
/// </summary>
public sealed class TagRunner
{
    private readonly WorkspaceDatabase _db;
    private readonly TimeProvider _time;

    public TagRunner(WorkspaceDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>The fields and facts tag rules can read, from the tables the identity stage built.</summary>
    public ModelSchema Schema()
    {
        if (!_db.TableExists("dim_person"))
            throw new TagCenterException(Texts.T("tags.run.nodim"));
        var person = _db.Rows("SELECT column_name, column_type FROM (DESCRIBE dim_person)")
            .Select(r => ((string)r[0]!, (string)r[1]!))
            .Where(c => c.Item1 != "oneid" && !c.Item1.EndsWith("__source", StringComparison.Ordinal) && !c.Item1.EndsWith("__line", StringComparison.Ordinal))
            .ToDictionary(c => c.Item1, c => TagValueTypes.FromSql(c.Item2));
        if (person.ContainsKey("birthday"))
            person[ModelSchema.Age] = TagValueType.Int;
        var facts = UnifiedModel.Tables(_db)
            .ToDictionary(t => t["fact_".Length..], t => (IReadOnlyDictionary<string, TagValueType>)_db
                .Rows($"SELECT column_name, column_type FROM (DESCRIBE {SqlText.Ident(t)})")
                .ToDictionary(r => (string)r[0]!, r => TagValueTypes.FromSql((string)r[1]!)));
        var events = facts.TryGetValue(ModelSchema.EventFact, out var columns) && columns.ContainsKey("event")
            ? _db.Rows("SELECT DISTINCT event FROM fact_events WHERE event IS NOT NULL LIMIT 10000").Select(r => (string)r[0]!).ToHashSet()
            : [];
        return new ModelSchema(person, facts) { Events = events };
    }

    /// <summary>Computes the tags as of <paramref name="asOf"/> (all of them, or <paramref name="only"/> and what reads them).</summary>
    public TagRunReport Run(TagCatalog catalog, DateTime asOf, IReadOnlyCollection<string>? only = null) =>
        Run(catalog, new TagRunOptions(asOf, only), CancellationToken.None);

    /// <summary>
    /// Computes the tags and stores the snapshot in one transaction. Cancelling interrupts the engine; whenever it
    /// happens, nothing of this run is stored (<see cref="OperationCanceledException"/>).
    /// </summary>
    public TagRunReport Run(TagCatalog catalog, TagRunOptions options, CancellationToken cancellationToken)
    {
        var (asOf, only) = (options.AsOf, options.Only);
        cancellationToken.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        if (only is not null)
            foreach (var name in only.Where(n => catalog.Find(n) is null))
                throw new WorkspaceException([new Diagnostic("tags/", 0, 0, Texts.T("tags.unknown", name,
                    Suggest.Closest(name, catalog.Tags.Select(t => t.Name)) is { } best ? Texts.T("expr.bind.didyoumean", best) : ""))]);
        using var interrupt = cancellationToken.Register(_db.Interrupt);
        var names = only?.Select(n => catalog.Find(n)!.Name).ToList();
        var schema = Schema();
        var models = options.ModelValues ?? new Dictionary<string, SqlFragment>();
        var all = TagCompiler.Compile(catalog, schema, asOf, models: models);
        if (!all.Success)
            throw new WorkspaceException(all.Diagnostics);
        // A refresh computes the tags asked for, what depends on them, and (to compute those) what they read;
        // it stores only the first two: the tags it read keep their values from the runs that computed them.
        var refreshed = names is null ? null : Downstream(all.Dependencies, names).ToHashSet();
        var compilation = refreshed is null ? all : TagCompiler.Compile(catalog, schema, asOf, refreshed, models: models);
        var runId = RunIds.Next('T', _time);
        var started = _time.GetUtcNow().UtcDateTime;
        TagTables.Ensure(_db);
        Compute(compilation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var persons = _db.Scalar<long>("SELECT count(*) FROM tc_tags");
        var tags = compilation.Tags.ToList();
        var counts = tags.Count == 0 ? [] : _db.Rows($"SELECT {string.Join(", ", tags.Select((t, i) => $"count({SqlText.Ident(t.Code)}), count(*) FILTER (WHERE {TagCompiler.Violated(i)})"))} FROM tc_tags")[0];
        var stored = tags.Where(t => refreshed is null || refreshed.Contains(t.Name)).ToList();
        var results = stored.Select(t =>
        {
            var i = tags.IndexOf(t);
            var withValue = Convert.ToInt64(counts[2 * i]);
            return new TagResult(t.Name, t.Code, string.Join("/", t.Path), withValue, Convert.ToInt64(counts[2 * i + 1]), persons == 0 ? 0 : (double)withValue / persons);
        }).ToList();

        try
        {
            _db.InTransaction(() =>
            {
                Snapshot(runId, stored, everything: refreshed is null);
                cancellationToken.ThrowIfCancellationRequested();
                _db.Execute("INSERT INTO tag_runs VALUES ($1, $2, $3, $4, $5, $6, 'ok')",
                    runId, started, _time.GetUtcNow().UtcDateTime, asOf, string.Join(",", stored.Select(t => t.Code)), persons);
            });
        }
        catch (EngineException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(Texts.T("tags.run.cancelled"), e, cancellationToken);
        }
        return new TagRunReport(runId, asOf, persons, results, stopwatch.Elapsed)
        {
            UntrainedModelTags = [.. stored.Where(t => TagCompiler.IsModelTag(t) && !models.ContainsKey(t.Name)).Select(t => t.Name)],
        };
    }

    /// <summary>
    /// Computes every requested tag into <c>tc_tags</c>. An engine error is located by computing the statement
    /// layer by layer, so the message names the tags whose rules failed rather than showing internal SQL.
    /// </summary>
    private void Compute(TagCompilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            _db.Execute($"CREATE OR REPLACE TEMP TABLE tc_tags AS {compilation.Sql}", [.. compilation.Parameters]);
        }
        catch (EngineException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(Texts.T("tags.run.cancelled"), e, cancellationToken);
        }
        catch (EngineException e)
        {
            var failed = compilation.Layers.FirstOrDefault(layer => Fails(layer.Probe));
            var tags = failed is { Tags.Count: > 0 } ? failed.Tags : compilation.Tags.Select(t => t.Name).ToList();
            var reason = e.Message.Split('\n')[0];
            throw new TagRunException(tags, Texts.T("tags.run.failed", string.Join(", ", tags), reason), e);
        }
    }

    private bool Fails(SqlCommand probe)
    {
        try
        {
            _db.Rows(probe.Sql, [.. probe.Parameters]);
            return false;
        }
        catch (EngineException)
        {
            return true;
        }
    }


    /// <summary>The tags whose refresh schedule says they are due now (never computed, or their next time has passed).</summary>
    public IReadOnlyList<string> Due(TagCatalog catalog, DateTime nowUtc, TimeZoneInfo zone)
    {
        TagTables.Ensure(_db);
        var last = _db.Rows("""
            SELECT tag, max(finished_at) FROM (SELECT unnest(string_split(tags, ',')) AS tag, finished_at FROM tag_runs WHERE status = 'ok') GROUP BY tag
            """).ToDictionary(r => (string)r[0]!, r => (DateTime?)r[1]);
        return catalog.Tags.Where(t => t.Rule is not null && RefreshSchedule.IsDue(t.Refresh, last.GetValueOrDefault(t.Code), nowUtc, zone))
            .Select(t => t.Name).ToList();
    }

    /// <summary>The tags named and every tag that reads them: what a refresh of those tags must recompute.</summary>
    private static List<string> Downstream(IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies, List<string> names)
    {
        var result = new HashSet<string>(names);
        bool grew;
        do
        {
            grew = false;
            foreach (var (tag, reads) in dependencies)
                if (!result.Contains(tag) && reads.Any(result.Contains))
                    grew |= result.Add(tag);
        }
        while (grew);
        return [.. result];
    }

    /// <summary>
    /// Records this run's changes in the history (only the tags it computed: a tag's value as of a run comes from
    /// the last run that computed it) and updates <c>person_tags</c>, the latest value of every tag, one typed
    /// column per tag. The history is compared with <c>person_tags</c> before it changes.
    /// </summary>
    private void Snapshot(string runId, IReadOnlyList<TagDefinition> computed, bool everything)
    {
        var before = _db.TableExists("person_tags")
            ? _db.Rows("SELECT column_name, column_type FROM (DESCRIBE person_tags)").Select(r => $"{r[0]} {r[1]}").ToList()
            : null;
        TagHistoryWriter.Record(_db, runId, computed, everything);
        var typed = string.Join(", ", computed.Select(t => SqlText.Ident(t.Code)));
        var types = _db.Rows("SELECT column_name, column_type FROM (DESCRIBE tc_tags)").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        List<string> after = [$"oneid {types["oneid"]}", .. computed.Select(t => $"{t.Code} {types[t.Code]}")];
        if (everything && before is not null && before.SequenceEqual(after))
        {
            // The same columns: only the persons whose values changed are rewritten (usually a few); deleting and
            // appending their rows is cheaper for the engine than updating every column in place.
            _db.Execute($"""
                DELETE FROM person_tags WHERE oneid IN (SELECT oneid FROM tc_changes) OR oneid NOT IN (SELECT oneid FROM tc_tags);
                INSERT INTO person_tags SELECT oneid, {typed} FROM tc_tags WHERE oneid NOT IN (SELECT oneid FROM person_tags);
                DROP TABLE tc_changes;
                """);
            return;
        }
        _db.Execute("DROP TABLE tc_changes");
        if (everything || before is null)
        {
            _db.Execute($"CREATE OR REPLACE TABLE person_tags AS SELECT oneid{(computed.Count == 0 ? "" : ", " + typed)} FROM tc_tags");
            return;
        }
        if (computed.Count == 0)
            return;
        // A refresh keeps the other tags' columns: a column it lacks (or holds with another type) is made anew.
        var have = _db.Rows("SELECT column_name, column_type FROM (DESCRIBE person_tags)").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var tag in computed.Where(t => have.GetValueOrDefault(t.Code) != types[t.Code]))
        {
            var column = SqlText.Ident(tag.Code);
            _db.Execute($"ALTER TABLE person_tags DROP COLUMN IF EXISTS {column}");
            _db.Execute($"ALTER TABLE person_tags ADD COLUMN {column} {types[tag.Code]}");
        }
        _db.Execute($"""
            UPDATE person_tags SET {string.Join(", ", computed.Select(t => $"{SqlText.Ident(t.Code)} = n.{SqlText.Ident(t.Code)}"))}
            FROM tc_tags n WHERE person_tags.oneid = n.oneid
            """);
        // A person no longer there has no value of what was computed (the history closed those values too).
        _db.Execute($"""
            UPDATE person_tags SET {string.Join(", ", computed.Select(t => $"{SqlText.Ident(t.Code)} = NULL"))}
            WHERE oneid NOT IN (SELECT oneid FROM tc_tags)
            """);
        _db.Execute($"INSERT INTO person_tags BY NAME SELECT oneid, {typed} FROM tc_tags WHERE oneid NOT IN (SELECT oneid FROM person_tags)");
    }
}
