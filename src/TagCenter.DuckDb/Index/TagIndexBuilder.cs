using System.Data.Common;
using System.Diagnostics;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// Builds the bitmap index after a tag run from <c>person_tags</c> (latest values) and the published catalog: one
/// ordinal-sorted scan of every indexed column, values turned into small integers (value position) or longs (the
/// <see cref="IndexEncoding"/>) by DuckDB, read with typed getters and streamed into bitmap builders.
/// </summary>
public static class TagIndexBuilder
{
    /// <summary>A string tag with more distinct values than this is not indexed (it is free text, the plan scans).</summary>
    public const int MaxStringValues = 256;

    public static IndexBuildReport Build(WorkspaceDatabase db, string workspaceRoot, TimeProvider time, CancellationToken cancellationToken = default) =>
        Build(db, workspaceRoot, PublishedCatalog.Load(db), time, cancellationToken);

    /// <summary>Indexes the tags of <paramref name="catalog"/> that <c>person_tags</c> holds.</summary>
    public static IndexBuildReport Build(WorkspaceDatabase db, string workspaceRoot, TagCatalog? catalog, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        if (catalog is null || !db.TableExists("person_tags"))
            return new IndexBuildReport(0, 0, 0, stopwatch.Elapsed, TagIndex.PathOf(workspaceRoot), []);
        var types = db.Rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'person_tags' AND NOT internal")
            .ToDictionary(r => (string)r[0]!, r => TagValueTypes.FromSql((string)r[1]!), StringComparer.Ordinal);
        var columns = new List<IndexColumn>();
        var skipped = new List<string>();
        foreach (var tag in catalog.Tags)
        {
            if (types.TryGetValue(tag.Code, out var type) && IndexColumn.For(tag, type) is { } column)
                columns.Add(column);
            else if (types.ContainsKey(tag.Code))
                skipped.Add(tag.Code);
        }
        var run = TagIndex.LastRun(db);
        var anchor = run is null ? null : db.Scalar<DateTime?>("SELECT as_of FROM tag_runs WHERE run_id = $1", run);
        return BuildFrom(db, "person_tags", columns, TagIndex.PathOf(workspaceRoot), run ?? "", time, skipped, anchor, cancellationToken);
    }

    /// <summary>
    /// Indexes <paramref name="columns"/> of <paramref name="table"/> (one row per <c>oneid</c>) into <paramref name="path"/>;
    /// with <paramref name="activityAnchor"/> (the run's as-of) also the facts' activity columns and the age column for those persons.
    /// </summary>
    public static IndexBuildReport BuildFrom(WorkspaceDatabase db, string table, IReadOnlyList<IndexColumn> columns, string path, string runId,
        TimeProvider time, IReadOnlyList<string>? skipped = null, DateTime? activityAnchor = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        PersonOrdinals.Assign(db, table);
        var skip = new List<string>(skipped ?? []);
        var plans = new List<ColumnPlan>();
        foreach (var column in columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (column.Kind == IndexedAs.Values)
            {
                var values = ValuesOf(db, table, column);
                if (values is null)
                    skip.Add(column.Code);
                else
                    plans.Add(new ColumnPlan(column, values));
            }
            else
                plans.Add(new ColumnPlan(column, []));
        }
        var ranges = plans.Where(p => p.Column.Kind == IndexedAs.Range).ToList();
        if (ranges.Count > 0)
        {
            var bounds = db.Rows($"SELECT {string.Join(", ", ranges.Select(p => $"min({Encoded(p.Column)}), max({Encoded(p.Column)})"))} FROM {table}")[0];
            for (var i = 0; i < ranges.Count; i++)
                ranges[i].Bounds = bounds[2 * i] is null ? null : (Convert.ToInt64(bounds[2 * i]), Convert.ToInt64(bounds[(2 * i) + 1]));
        }
        var all = Scan(db, table, plans, cancellationToken);
        using var writer = new IndexFileWriter(path);
        var allSlot = writer.Write(all);
        var tags = plans.Select(p => p.Write(writer)).ToList();
        var activity = activityAnchor is { } anchor ? ActivityIndex.Build(db, ActivityIndex.Sources(db), anchor, writer, cancellationToken) : [];
        var person = BirthdayIndex.Build(db, table, activityAnchor, writer, cancellationToken);
        var manifest = new IndexManifest(IndexManifest.CurrentVersion, runId, time.GetUtcNow().UtcDateTime, all.Cardinality, allSlot, tags,
            activity.Count > 0 ? activityAnchor : null, activity, person.Count > 0 ? person : null,
            person.Any(c => c.Code == PlanBuilder.AgeCode) ? activityAnchor : null);
        var bytes = writer.Complete(manifest);
        return new IndexBuildReport(tags.Count, all.Cardinality, bytes, stopwatch.Elapsed, path, skip);
    }

    private static List<string>? ValuesOf(WorkspaceDatabase db, string table, IndexColumn column)
    {
        var found = db.Rows($"SELECT DISTINCT CAST({SqlText.Ident(column.Code)} AS VARCHAR) v FROM {table} WHERE {SqlText.Ident(column.Code)} IS NOT NULL ORDER BY v LIMIT {MaxStringValues + 1}")
            .Select(r => (string)r[0]!).ToList();
        if (found.Count > MaxStringValues && column.DeclaredValues.Count == 0)
            return null;
        var values = column.DeclaredValues.ToList();
        values.AddRange(found.Where(v => !column.DeclaredValues.Contains(v, StringComparer.Ordinal)));
        return values.Count > MaxStringValues * 4 ? null : values;
    }

    /// <summary>The column as the long the bit-sliced index holds (see <see cref="IndexEncoding"/>).</summary>
    internal static string Encoded(IndexColumn column)
    {
        var c = SqlText.Ident(column.Code);
        return column.Encoding switch
        {
            IndexEncoding.Cents => $"CAST(round({c} * 100) AS BIGINT)",
            IndexEncoding.Days => $"CAST(date_diff('day', DATE '1970-01-01', {c}) AS BIGINT)",
            IndexEncoding.Seconds => $"CAST(floor(epoch({c})) AS BIGINT)",
            _ => $"CAST({c} AS BIGINT)",
        };
    }

    private static string Expression(ColumnPlan plan) => plan.Column.Kind == IndexedAs.Range
        ? Encoded(plan.Column)
        : $"CAST(list_position([{string.Join(", ", plan.Values.Select(SqlText.Literal))}]::VARCHAR[], CAST({SqlText.Ident(plan.Column.Code)} AS VARCHAR)) AS INTEGER)";

    // One ordinal-sorted pass: every row sets its ordinal in All and in the bitmaps its values pick.
    private static RoaringBitmap Scan(WorkspaceDatabase db, string table, List<ColumnPlan> plans, CancellationToken cancellationToken)
    {
        try
        {
            return ScanRows(db, table, plans, cancellationToken);
        }
        catch (DbException e)
        {
            throw new EngineException(e.Message, table, e);
        }
    }

    private static RoaringBitmap ScanRows(WorkspaceDatabase db, string table, List<ColumnPlan> plans, CancellationToken cancellationToken)
    {
        var all = new RoaringBitmapBuilder();
        var select = string.Join("", plans.Select(p => ", " + Expression(p)));
        using var command = db.Connection.CreateCommand();
        command.CommandText = $"SELECT CAST(o.ordinal AS BIGINT){select} FROM {table} t JOIN {PersonOrdinals.Table} o ON o.oneid = t.oneid ORDER BY o.ordinal";
        using var reader = command.ExecuteReader();
        var rows = 0L;
        while (reader.Read())
        {
            var ordinal = (uint)reader.GetInt64(0);
            all.Add(ordinal);
            for (var i = 0; i < plans.Count; i++)
            {
                if (reader.IsDBNull(i + 1))
                    continue;
                var plan = plans[i];
                if (plan.Range is { } range)
                    range.Add(ordinal, reader.GetInt64(i + 1));
                else
                {
                    var position = reader.GetInt32(i + 1);
                    if (position > 0)
                        plan.Builders[position - 1].Add(ordinal);
                }
            }
            if ((++rows & 0xFFFF) == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }
        return all.Build();
    }

    /// <summary>One column's values and the builders its bitmaps grow in during the scan.</summary>
    private sealed class ColumnPlan(IndexColumn column, List<string> values)
    {
        private BitSlicedIndexBuilder? _range;

        public IndexColumn Column { get; } = column;

        public List<string> Values { get; } = values;

        public RoaringBitmapBuilder[] Builders { get; } = [.. values.Select(_ => new RoaringBitmapBuilder())];

        public BitSlicedIndexBuilder? Range => _range;

        public (long Min, long Max)? Bounds
        {
            set => _range = new BitSlicedIndexBuilder(value?.Min ?? 0, value?.Max ?? 0);
        }

        public IndexManifestTag Write(IndexFileWriter writer)
        {
            if (_range is not null)
                return writer.Write(Column.Code, Column.Encoding, _range.Build());
            var bitmaps = Builders.Select(b => b.Build()).ToList();
            var slots = bitmaps.Select(writer.Write).ToList();
            var has = bitmaps.Aggregate(new RoaringBitmap(), RoaringBitmap.Or);
            return new IndexManifestTag(Column.Code, IndexedAs.Values, IndexEncoding.None, Values, 0, slots, writer.Write(has));
        }
    }
}
