using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// One tag as published (what runs compute) with where it comes from and where it goes, and its values as of
/// the latest run that computed it; beside it, the definition in the files when it differs and has not been applied yet.
/// </summary>
public sealed record TagLineage(
    TagDefinition Tag,
    IReadOnlyList<string> UpstreamTags,
    IReadOnlyList<string> Reads,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> DownstreamTags,
    IReadOnlyList<(string? Value, long Persons)> Distribution,
    long Persons)
{
    /// <summary>For number tags: minimum, quartiles and maximum as of the latest run that computed it, e.g. "min 0 · p25 12 · …".</summary>
    public string? Quantiles { get; init; }

    /// <summary>Whether <see cref="Tag"/> is the published definition; false for a tag only in the files (never applied).</summary>
    public bool Published { get; init; }

    /// <summary>The definition in the files when it differs from the published one (or was never published): pending, not yet applied.</summary>
    public TagDefinition? Draft { get; init; }

    /// <summary>The tag named, from the published catalog when it is there (else from <paramref name="files"/>).</summary>
    public static TagLineage Of(WorkspaceDatabase db, WorkspaceDefinition workspace, TagCatalog files, string name)
    {
        var published = PublishedCatalog.Load(db);
        var live = published?.Find(name);
        var draft = files.Find(name);
        var catalog = live is null ? files : published!;
        var tag = live ?? draft ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0,
            Texts.T("tags.unknown", name, Hint(name, files.Tags.Concat(published?.Tags ?? []).Select(t => t.Name).Distinct())))]);
        var pending = draft is not null && (live is null || PublishedCatalog.Json(Comparable(draft)) != PublishedCatalog.Json(Comparable(live))) ? draft : null;
        // Any time will do: only the dependencies and reads of the compilation are used.
        // Before identity has built the model, what the workspace declares is what rules will read.
        var schema = db.TableExists("dim_person") ? new TagRunner(db, TimeProvider.System).Schema() : DeclaredSchema.Of(workspace);
        var compilation = TagCompiler.Compile(catalog, schema, DateTime.UnixEpoch);
        var upstream = compilation.Dependencies.GetValueOrDefault(tag.Name) ?? [];
        var reads = compilation.Reads.GetValueOrDefault(tag.Name) ?? [];
        // A tag built on other tags comes, in the end, from what they read.
        var closure = new HashSet<string>(StringComparer.Ordinal) { tag.Name };
        var pendingTags = new Stack<string>(upstream);
        while (pendingTags.TryPop(out var next))
            if (closure.Add(next))
                foreach (var up in compilation.Dependencies.GetValueOrDefault(next) ?? [])
                    pendingTags.Push(up);
        var allReads = closure.SelectMany(n => compilation.Reads.GetValueOrDefault(n) ?? []).Distinct().ToList();
        var downstream = compilation.Dependencies.Where(d => d.Value.Contains(tag.Name)).Select(d => d.Key).ToList();
        var facts = allReads.Where(r => r.StartsWith("fact_", StringComparison.Ordinal)).Select(r => r["fact_".Length..].Split('.')[0]).ToHashSet();
        var fields = allReads.Where(r => r.StartsWith("dim_person.", StringComparison.Ordinal)).Select(r => r["dim_person.".Length..]).ToHashSet();
        var sources = workspace.Sources.Where(s => s.Fact is not null && facts.Contains(s.Fact)).Select(s => $"{s.Name} → fact_{s.Fact}")
            .Concat(workspace.Identity.Golden.Where(g => fields.Contains(g.Name)).SelectMany(g => g.From.Select(f => $"{f.Source}.{f.Column} → dim_person.{g.Name} ({g.Rule})")))
            .ToList();
        var distribution = new List<(string?, long)>();
        long persons = 0;
        string? quantiles = null;
        var history = new TagHistory(db);
        if (live is not null && history.Exists)
        {
            // Only a run after the tag was last published shows the published rule's values.
            var runId = db.Scalar<string>("""
                SELECT run_id FROM tag_runs WHERE status = 'ok' AND list_contains(string_split(tags, ','), $1)
                  AND finished_at >= (SELECT coalesce(max(published_at), TIMESTAMP '0001-01-01') FROM tag_catalog WHERE code = $1)
                ORDER BY finished_at DESC LIMIT 1
                """, tag.Code);
            if (runId is not null && history.Run(runId) is { } run)
            {
                persons = db.Scalar<long>("SELECT coalesce(max(persons), 0) FROM tag_runs WHERE run_id = $1", runId);
                distribution = [.. history.Distribution(tag.Code, run).Select(d => ((string?)d.Value, d.Persons))];
                if (tag.Type is TagValueType.Int or TagValueType.Decimal && history.Quantiles(tag.Code, run) is { } q)
                    quantiles = string.Join(" · ", new[] { "min", "p25", "p50", "p75", "max" }.Zip(q,
                        (label, v) => $"{label} {v.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        }
        return new TagLineage(tag, upstream, reads, sources, downstream, distribution, persons) { Quantiles = quantiles, Published = live is not null, Draft = pending };
    }

    private static TagDefinition Comparable(TagDefinition t) => t with { File = "", RuleLine = 0, RuleColumn = 0 };

    private static string Hint(string input, IEnumerable<string> candidates) =>
        Suggest.Closest(input, candidates) is { } best ? Texts.T("expr.bind.didyoumean", best) : "";
}
