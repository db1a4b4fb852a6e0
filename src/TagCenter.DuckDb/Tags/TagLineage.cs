using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>One tag with where it comes from and where it goes, and its values in the latest snapshot.</summary>
public sealed record TagLineage(
    TagDefinition Tag,
    IReadOnlyList<string> UpstreamTags,
    IReadOnlyList<string> Reads,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> DownstreamTags,
    IReadOnlyList<(string? Value, long Persons)> Distribution,
    long Persons)
{
    /// <summary>For number tags: minimum, quartiles and maximum of the latest snapshot, e.g. "min 0 · p25 12 · …".</summary>
    public string? Quantiles { get; init; }

    public static TagLineage Of(WorkspaceDatabase db, WorkspaceDefinition workspace, TagCatalog catalog, string name)
    {
        var tag = catalog.Find(name) ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0,
            $"unknown tag '{name}'{Suggest.Hint(name, catalog.Tags.Select(t => t.Name))}")]);
        var compilation = TagCompiler.Compile(catalog, new TagRunner(db, TimeProvider.System).Schema(), TimeProvider.System.GetLocalNow().DateTime);
        var upstream = compilation.Dependencies.GetValueOrDefault(tag.Name) ?? [];
        var reads = compilation.Reads.GetValueOrDefault(tag.Name) ?? [];
        var downstream = compilation.Dependencies.Where(d => d.Value.Contains(tag.Name)).Select(d => d.Key).ToList();
        var facts = reads.Where(r => r.StartsWith("fact_", StringComparison.Ordinal)).Select(r => r["fact_".Length..].Split('.')[0]).ToHashSet();
        var fields = reads.Where(r => r.StartsWith("dim_person.", StringComparison.Ordinal)).Select(r => r["dim_person.".Length..]).ToHashSet();
        var sources = workspace.Sources.Where(s => s.Fact is not null && facts.Contains(s.Fact)).Select(s => $"{s.Name} → fact_{s.Fact}")
            .Concat(workspace.Identity.Golden.Where(g => fields.Contains(g.Name)).SelectMany(g => g.From.Select(f => $"{f.Source}.{f.Column} → dim_person.{g.Name} ({g.Rule})")))
            .ToList();
        var distribution = new List<(string?, long)>();
        long persons = 0;
        if (db.TableExists("tag_runs"))
        {
            var run = db.Scalar<string>("SELECT run_id FROM tag_runs WHERE status = 'ok' AND list_contains(string_split(tags, ','), $1) ORDER BY finished_at DESC LIMIT 1", tag.Code);
            persons = db.Scalar<long>("SELECT coalesce(max(persons), 0) FROM tag_runs WHERE run_id = $1", run);
            distribution = db.Rows("""
                SELECT value, count(*) AS n FROM tag_values WHERE run_id = $1 AND tag = $2 GROUP BY value ORDER BY n DESC, value LIMIT 10
                """, run, tag.Code).Select(r => ((string?)r[0], Convert.ToInt64(r[1]))).ToList();
        }
        string? quantiles = null;
        if (tag.Type is TagValueType.Int or TagValueType.Decimal && db.TableExists("tag_values"))
        {
            var q = db.Rows("""
                SELECT quantile_cont(TRY_CAST(value AS DOUBLE), [0, 0.25, 0.5, 0.75, 1]) FROM tag_values
                WHERE run_id = (SELECT run_id FROM tag_runs WHERE status = 'ok' AND list_contains(string_split(tags, ','), $1) ORDER BY finished_at DESC LIMIT 1) AND tag = $1
                """, tag.Code)[0][0] as System.Collections.IList;
            if (q is { Count: 5 })
                quantiles = string.Join(" · ", new[] { "min", "p25", "p50", "p75", "max" }.Zip(q.Cast<object?>(),
                    (label, v) => $"{label} {Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture):#,##0.##}"));
        }
        return new TagLineage(tag, upstream, reads, sources, downstream, distribution, persons) { Quantiles = quantiles };
    }
}
