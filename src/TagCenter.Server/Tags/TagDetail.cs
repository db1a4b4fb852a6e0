using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Server.Tags;

/// <summary>
/// <c>GET /tags/{name}</c>: the tag's dictionary entry, its lineage as a graph (sources → fact tables and columns →
/// upstream tags → this tag → downstream tags and segments), the value distribution of the last run that computed
/// it, and its coverage in every run (persons with a value of persons tagged).
/// </summary>
public sealed record TagDetail(TagView Tag, bool Published, TagView? Draft, TagLineageGraph Lineage,
    IReadOnlyList<TagValueCount> Distribution, string? Quantiles, long Persons, IReadOnlyList<TagCoverage> Coverage)
{
    public static TagDetail Of(WorkspaceDatabase db, WorkspaceDefinition workspace, TagCatalog files, TagDefinition tag)
    {
        var lineage = TagLineage.Of(db, workspace, files, tag.Name);
        var segments = SegmentCatalog.Load(workspace.Root).Segments
            .Where(s => SegmentRule.Tags(s.Rule, files).Contains(lineage.Tag.Name)).Select(s => s.Name).ToList();
        return new TagDetail(TagView.Of(lineage.Tag), lineage.Published, lineage.Draft is null ? null : TagView.Of(lineage.Draft),
            TagLineageGraph.Of(lineage, segments), [.. lineage.Distribution.Select(d => new TagValueCount(d.Value, d.Persons))],
            lineage.Quantiles, lineage.Persons, CoverageOf(db, lineage.Tag.Code));
    }

    /// <summary>Per tag run that computed the tag: how many persons held a value of how many it tagged.</summary>
    private static List<TagCoverage> CoverageOf(WorkspaceDatabase db, string code)
    {
        var history = new TagHistory(db);
        if (!history.Exists || !db.TableExists("tag_runs"))
            return [];
        var persons = db.Rows("SELECT run_id, persons FROM tag_runs").ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
        var held = db.Rows("""
            SELECT o.seq, count(h.oneid) FROM tag_run_order o
            LEFT JOIN tag_history h ON h.tag = $1 AND h.valid_from <= o.seq AND (h.valid_to IS NULL OR h.valid_to > o.seq)
            GROUP BY o.seq
            """, code).ToDictionary(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture), r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
        return [.. history.Runs().Where(r => r.Tags.Contains(code)).Select(r =>
        {
            var total = persons.GetValueOrDefault(r.RunId);
            var with = held.GetValueOrDefault(r.Seq);
            return new TagCoverage(r.RunId, r.AsOf, with, total, total == 0 ? 0 : Math.Round((double)with / total, 4));
        })];
    }
}

public sealed record TagValueCount(string? Value, long Persons);

public sealed record TagCoverage(string RunId, DateTime AsOf, long WithValue, long Persons, double Coverage);

/// <summary>Lineage as nodes (<c>source:orders</c>, <c>table:fact_orders</c>, <c>column:fact_orders.status</c>, <c>tag:…</c>, <c>segment:…</c>) and edges from input to output.</summary>
public sealed record TagLineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges)
{
    public static TagLineageGraph Of(TagLineage lineage, IReadOnlyList<string> segments)
    {
        var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
        var edges = new List<LineageEdge>();
        string Node(string kind, string name)
        {
            var id = kind + ":" + name;
            nodes.TryAdd(id, new LineageNode(id, kind, name));
            return id;
        }
        var self = Node("tag", lineage.Tag.Name);
        foreach (var source in lineage.Sources)
        {
            var parts = source.Split(" → ", 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
                edges.Add(new LineageEdge(Node("source", parts[0]), Node("table", parts[1])));
        }
        foreach (var read in lineage.Reads)
        {
            var dot = read.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
                edges.Add(new LineageEdge(Node("table", read), self));
            else
            {
                var column = Node("column", read);
                edges.Add(new LineageEdge(Node("table", read[..dot]), column));
                edges.Add(new LineageEdge(column, self));
            }
        }
        edges.AddRange(lineage.UpstreamTags.Select(up => new LineageEdge(Node("tag", up), self)));
        edges.AddRange(lineage.DownstreamTags.Select(down => new LineageEdge(self, Node("tag", down))));
        edges.AddRange(segments.Select(s => new LineageEdge(self, Node("segment", s))));
        return new TagLineageGraph([.. nodes.Values], [.. edges.Distinct()]);
    }
}

public sealed record LineageNode(string Id, string Kind, string Name);

public sealed record LineageEdge(string From, string To);
