using System.Diagnostics;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Segments;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Evaluates segment rules in SQL: each rule becomes a transient computed bool tag beside the published
/// catalog, so the tag compiler checks it (unknown names with did-you-mean, types) and computes it together
/// with the tags it reads, as of one instant. Members are the persons for whom it is TRUE (NULL is not in).
/// </summary>
public sealed class SegmentEvaluator : ISegmentCounter
{
    /// <summary>The temp table <see cref="Evaluate"/> fills: oneid and one bool column per segment (<see cref="SegmentRule.Code"/>).</summary>
    public const string Table = "tc_segments";

    private readonly WorkspaceDatabase _db;
    private readonly TagCatalog _catalog;
    private readonly ModelSchema _schema;

    public SegmentEvaluator(WorkspaceDatabase db, TagCatalog catalog, DateTime asOf)
    {
        _db = db;
        _catalog = catalog;
        Stored = StoredTags.Read(db, catalog);
        _schema = new TagRunner(db, TimeProvider.System).Schema();
        AsOf = asOf;
    }

    public DateTime AsOf { get; }

    public WorkspaceDatabase Database => _db;

    /// <summary>The published tags the rules are checked against.</summary>
    public TagCatalog Catalog => _catalog;

    /// <summary>The catalog with the published tags read from their stored values, and those values (see <see cref="StoredTags"/>).</summary>
    internal (TagCatalog Catalog, IReadOnlyDictionary<string, SqlFragment> Values) Stored { get; }

    public ModelSchema Schema => _schema;

    /// <summary>The problems of each segment's rule against the catalog, with positions in the segment's file (empty: fine).</summary>
    public IReadOnlyList<Diagnostic> Check(SegmentDefinition segment)
    {
        if (Quick(segment) is { Count: > 0 } quick)
            return quick;
        var compilation = Compile([segment], checkOnly: true);
        return [.. compilation.Diagnostics.Select(d => SegmentRule.Relabel(d, segment))];
    }

    /// <summary>What the compiler does not see: a name taken by a tag, an enum value outside its set.</summary>
    private List<Diagnostic> Quick(SegmentDefinition segment)
    {
        var diagnostics = new List<Diagnostic>();
        if (_catalog.Find(segment.Name) is { } tag)
            diagnostics.Add(new Diagnostic(segment.File, segment.RuleLine, segment.RuleColumn, Core.Text.Texts.T("segment.name.tag", segment.Name, tag.File)));
        var parsed = Parser.Parse(segment.Rule);
        if (parsed.Success)
            diagnostics.AddRange(SegmentRule.CheckValues(segment, parsed.Root!, parsed.Text, _catalog));
        return diagnostics;
    }

    /// <summary>The statement computing the segments (as <see cref="SegmentRule.Code"/> columns) and what they read; <paramref name="checkOnly"/>: the diagnostics alone.</summary>
    public TagCompilation Compile(IReadOnlyList<SegmentDefinition> segments, bool checkOnly = false)
    {
        var transient = segments.Select((s, i) => SegmentRule.AsTag(s, SegmentRule.Code(i))).ToList();
        var catalog = TagCatalog.From([.. Stored.Catalog.Tags, .. transient]);
        return TagCompiler.Compile(catalog, _schema, AsOf, [.. transient.Select(t => t.Name)], models: Stored.Values, checkOnly: checkOnly);
    }

    /// <summary>
    /// Computes every segment into <see cref="Table"/>; segments whose rule has problems are left out and
    /// returned with their diagnostics.
    /// </summary>
    public (IReadOnlyList<SegmentDefinition> Evaluated, IReadOnlyList<Diagnostic> Problems) Evaluate(IReadOnlyList<SegmentDefinition> segments, CancellationToken cancellationToken = default)
    {
        var problems = new List<Diagnostic>();
        var good = new List<SegmentDefinition>();
        foreach (var segment in segments)
        {
            var quick = Quick(segment);
            problems.AddRange(quick);
            if (quick.Count == 0)
                good.Add(segment);
        }
        var compilation = good.Count == 0 ? null : Compile(good);
        if (compilation is { Success: false })
        {
            // Some rule is wrong: find which, one by one, and compute the others.
            var wrong = good.Select(s => (s, Check(s))).Where(x => x.Item2.Count > 0).ToList();
            problems.AddRange(wrong.SelectMany(x => x.Item2));
            good = [.. good.Except(wrong.Select(x => x.s))];
            compilation = good.Count == 0 ? null : Compile(good);
        }
        if (compilation is { Success: false })
            throw new WorkspaceException(compilation.Diagnostics); // the published tags themselves no longer compile
        cancellationToken.ThrowIfCancellationRequested();
        var sql = compilation;
        // $1 is the as-of; a rule over person fields alone never reads it, and DuckDB numbers the parameters it
        // sees: the WHERE keeps $1 in the statement (the as-of is never null) so every bound value has its slot.
        if (sql is null)
            _db.Execute($"CREATE OR REPLACE TEMP TABLE {Table} AS SELECT oneid FROM dim_person WHERE false");
        else
            _db.Execute($"""
                CREATE OR REPLACE TEMP TABLE {Table} AS
                SELECT oneid, {string.Join(", ", good.Select((_, i) => $"coalesce({SqlText.Ident(SegmentRule.Code(i))}, false) AS {SqlText.Ident(SegmentRule.Code(i))}"))}
                FROM ({sql.Sql}) q
                WHERE CAST($1 AS TIMESTAMP) IS NOT NULL
                """, [.. sql.Parameters]);
        return (good, problems);
    }

    /// <summary>Counts one rule; its problems are a <see cref="WorkspaceException"/> with their positions.</summary>
    public SegmentCount Count(SegmentDefinition segment, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        // Evaluate checks the rule as it compiles it (the same relabelled diagnostics Check gives).
        if (Evaluate([segment], cancellationToken).Problems is { Count: > 0 } problems)
            throw new WorkspaceException(problems);
        var row = _db.Rows($"SELECT count(*) FILTER (WHERE {SqlText.Ident(SegmentRule.Code(0))}), count(*) FROM {Table}")[0];
        return new SegmentCount(Convert.ToInt64(row[0]), Convert.ToInt64(row[1]), watch.Elapsed);
    }
}
