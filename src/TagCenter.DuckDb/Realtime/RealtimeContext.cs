using TagCenter.Core.Realtime;
using TagCenter.Core.Segments;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// What the real-time path compiles once and reuses for every batch of events until the next tag run or apply: the
/// published tags (the same definitions the batch run computes), the bound trees of the real-time tags and what they
/// read, the dynamic segments' rules over the stored tags, and the shape of the tables it reads and writes.
/// </summary>
internal sealed class RealtimeContext
{
    private RealtimeContext() { }

    /// <summary>
    /// What the context was built from (<see cref="Version"/>): a newer tag run (new columns), an apply (new definitions)
    /// or a segment evaluated by a pass (created or changed) means a new context.
    /// </summary>
    public required string Source { get; init; }

    /// <summary>The last batch tag run, the last apply and the last segment pass, as one key.</summary>
    public static string Version(WorkspaceDatabase db)
    {
        var run = TagIndex.LastRun(db) ?? "";
        var published = db.TableExists("tag_catalog") ? db.Scalar<DateTime?>("SELECT max(published_at) FROM tag_catalog")?.Ticks ?? 0 : 0;
        var pass = db.TableExists("segment_runs") ? db.Scalar<long?>($"SELECT max(seq) FROM segment_runs WHERE type <> '{MembershipWriter.Type}'") ?? 0 : 0;
        return $"{run}|{published}|{pass}";
    }

    /// <summary>The real-time tags, what reads them and what they read; null when no tag is real-time.</summary>
    public required TagCompilation? Tags { get; init; }

    /// <summary>The tags a real-time update stores: the real-time ones and their downstream, that <c>person_tags</c> has a column for.</summary>
    public required IReadOnlyList<TagDefinition> Stored { get; init; }

    /// <summary>The column types of <c>person_tags</c> (by code).</summary>
    public required IReadOnlyDictionary<string, string> Columns { get; init; }

    /// <summary>The dynamic segments evaluated (already evaluated once by a segment pass), in the order of <see cref="SegmentRule.Code"/>.</summary>
    public required IReadOnlyList<SegmentDefinition> Segments { get; init; }

    public required TagCompilation? SegmentRules { get; init; }

    public required IReadOnlyList<string> FactTables { get; init; }

    /// <summary>Per fact table, the columns the compiled rules read (<see cref="ReadColumns"/>), as a select list.</summary>
    public IReadOnlyDictionary<string, string> FactColumns => _factColumns ??= FactReads.ToDictionary(
        t => t.Key, t => string.Join(", ", t.Value.Select(SqlText.Ident)), StringComparer.Ordinal);

    private IReadOnlyDictionary<string, string>? _factColumns;

    /// <summary>Per fact table, the names of the columns the compiled rules read (<see cref="ReadColumns"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FactReads { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Per fact table, the shape of a row the live path keeps (<see cref="LiveRow"/>): the columns the rules read and
    /// where the row came from (<c>_source</c>, <c>_line</c>), as the rows it reads from the engine have them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> LiveShapes => _liveShapes ??= FactReads.ToDictionary(
        t => t.Key,
        IReadOnlyDictionary<string, int> (t) => t.Value.Concat(["_source", "_line"]).Distinct(StringComparer.Ordinal).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal),
        StringComparer.Ordinal);

    private IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? _liveShapes;

    /// <summary>
    /// <paramref name="row"/> (a cleansed row of <paramref name="table"/>, every column) as the live path keeps it: the
    /// columns of <see cref="LiveShapes"/> over a shape all rows of the table share, not a hash table per event.
    /// </summary>
    public IReadOnlyDictionary<string, object?> LiveRow(string table, IReadOnlyDictionary<string, object?> row)
    {
        if (!LiveShapes.TryGetValue(table, out var shape))
            return row;
        var values = new object?[shape.Count];
        foreach (var (column, at) in shape)
            values[at] = row.GetValueOrDefault(column);
        return new EngineRow(shape, values);
    }

    public bool HasWork => Stored.Count > 0 || Segments.Count > 0;

    public static RealtimeContext Build(WorkspaceDatabase db, string workspaceRoot, TimeProvider time)
    {
        var source = Version(db);
        var catalog = PublishedCatalog.Load(db) ?? TagCatalog.Load(workspaceRoot);
        if (!db.TableExists("person_tags") || !db.TableExists("dim_person"))
            return new RealtimeContext { Source = source, Tags = null, Stored = [], Columns = new Dictionary<string, string>(), Segments = [], SegmentRules = null, FactTables = [] };
        var columns = db.Rows("SELECT column_name, column_type FROM (DESCRIBE person_tags)").ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        var schema = new TagRunner(db, time).Schema();
        // The bound trees do not depend on the as-of (only the SQL's parameters do): one compilation serves every batch.
        var all = TagCompiler.Compile(catalog, schema, DateTime.UnixEpoch);
        var refreshed = all.Success ? RealtimeTags.Refreshed(catalog, all.Dependencies) : new HashSet<string>();
        var tags = refreshed.Count == 0 ? null : TagCompiler.Compile(catalog, schema, DateTime.UnixEpoch, [.. refreshed]);
        var stored = tags is { Success: true } ? [.. tags.Tags.Where(t => refreshed.Contains(t.Name) && columns.ContainsKey(t.Code))] : new List<TagDefinition>();

        var segments = new List<SegmentDefinition>();
        TagCompilation? rules = null;
        var evaluated = SegmentHistory.Latest(db);
        var dynamic = SegmentCatalog.Load(workspaceRoot).Segments.Where(s => s.Type == SegmentType.Dynamic && evaluated.ContainsKey(s.Name)).ToList();
        if (dynamic.Count > 0)
        {
            var evaluator = new SegmentEvaluator(db, catalog, DateTime.UnixEpoch);
            segments = [.. dynamic.Where(s => evaluator.Check(s).Count == 0)];
            rules = segments.Count == 0 ? null : evaluator.Compile(segments);
            if (rules is { Success: false })
                (segments, rules) = ([], null);
        }
        var facts = UnifiedModel.Tables(db);
        return new RealtimeContext
        {
            Source = source,
            Tags = stored.Count == 0 ? null : tags,
            Stored = stored,
            Columns = columns,
            Segments = segments,
            SegmentRules = rules,
            FactTables = facts,
            FactReads = facts.ToDictionary(t => t, t => ReadColumns(db, t, [tags, rules]), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The columns of <paramref name="table"/> the rules read (<see cref="TagCompilation.Reads"/>), with the OneID and
    /// the <c>event_time</c> and <c>event</c> every behaviour filters on: a batch reads its persons' facts at the cost
    /// of what the rules use, not of every column of every row.
    /// </summary>
    private static IReadOnlyList<string> ReadColumns(WorkspaceDatabase db, string table, IEnumerable<TagCompilation?> compilations)
    {
        var wanted = new HashSet<string>(["oneid", "event_time", "event"], StringComparer.OrdinalIgnoreCase);
        foreach (var read in compilations.SelectMany(c => c?.Reads.Values ?? []).SelectMany(r => r))
            if (read.StartsWith(table + ".", StringComparison.Ordinal))
                wanted.Add(read[(table.Length + 1)..].Split('=')[0]);
        return [.. db.Rows($"SELECT column_name FROM (DESCRIBE {SqlText.Ident(table)})").Select(r => (string)r[0]!).Where(wanted.Contains)];
    }
}
