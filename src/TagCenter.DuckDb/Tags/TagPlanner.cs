using System.Text.Json;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// <c>tagcenter plan</c>: what applying the files would change, tag by tag, and for every added or changed
/// tag how many persons would get a different value than in the last snapshot (computed on the real data).
/// </summary>
public static class TagPlanner
{
    public static TagPlan Plan(WorkspaceDatabase db, TagCatalog files, DateTime asOf)
    {
        var published = PublishedCatalog.Load(db) ?? TagCatalog.From([]);
        var changes = new List<TagChange>();
        foreach (var tag in files.Tags)
        {
            var before = published.Tags.FirstOrDefault(t => t.Code == tag.Code);
            if (before is null)
                changes.Add(new TagChange(TagChangeAction.Added, tag.Code, tag.Name, null, tag, ["new"]));
            else if (Differences(before, tag) is { Count: > 0 } what)
                changes.Add(new TagChange(TagChangeAction.Changed, tag.Code, tag.Name, before, tag, what));
        }
        foreach (var gone in published.Tags.Where(p => files.Tags.All(f => f.Code != p.Code)))
        {
            var dependents = files.Tags.Concat(published.Tags).Where(t => t.Code != gone.Code && t.Rule is not null && Names(t.Rule).Contains(gone.Name))
                .Select(t => t.Name).Distinct().ToList();
            changes.Add(new TagChange(TagChangeAction.Removed, gone.Code, gone.Name, gone, null, ["removed"]) { Dependents = dependents });
        }
        return new TagPlan(WithImpact(db, files, changes, asOf));
    }

    private static List<string> Differences(TagDefinition before, TagDefinition after)
    {
        var a = JsonSerializer.SerializeToElement(Comparable(before));
        var b = JsonSerializer.SerializeToElement(Comparable(after));
        return a.EnumerateObject().Where(p => p.Value.GetRawText() != b.GetProperty(p.Name).GetRawText()).Select(p => p.Name.ToLowerInvariant()).ToList();
    }

    private static TagDefinition Comparable(TagDefinition t) => t with { File = "", RuleLine = 0, RuleColumn = 0 };

    private static HashSet<string> Names(string rule)
    {
        var names = new HashSet<string>();
        void Walk(ExpressionNode? node)
        {
            switch (node)
            {
                case NameNode n: names.Add(n.Name); break;
                case UnaryNode u: Walk(u.Operand); break;
                case BinaryNode b: Walk(b.Left); Walk(b.Right); break;
                case BetweenNode b: Walk(b.Value); Walk(b.Low); Walk(b.High); break;
                case InNode i: Walk(i.Value); i.Items.ToList().ForEach(Walk); break;
                case IsNullNode n: Walk(n.Value); break;
                case CaseNode c: c.Branches.ToList().ForEach(x => { Walk(x.When); Walk(x.Then); }); Walk(c.Else); break;
                case CallNode c: c.Arguments.ToList().ForEach(Walk); c.Named.Values.ToList().ForEach(Walk); break;
            }
        }
        Walk(Parser.Parse(rule).Root);
        return names;
    }

    /// <summary>Computes the new values of added and changed tags and compares them with the last snapshot.</summary>
    private static List<TagChange> WithImpact(WorkspaceDatabase db, TagCatalog files, List<TagChange> changes, DateTime asOf)
    {
        var affecting = changes.Where(c => c.After?.Rule is not null && (c.Action == TagChangeAction.Added || c.What.Intersect(["rule", "type", "values", "kind"]).Any())).ToList();
        if (affecting.Count == 0 || !db.TableExists("dim_person"))
            return changes;
        var compilation = TagCompiler.Compile(files, new TagRunner(db, TimeProvider.System).Schema(), asOf, affecting.Select(c => c.Name).ToList());
        if (!compilation.Success)
            throw new WorkspaceException(compilation.Diagnostics);
        db.Execute($"CREATE OR REPLACE TEMP TABLE tc_plan AS {compilation.Sql}", [.. compilation.Parameters]);
        TagTables.Ensure(db);
        // Compare with the latest values: person_tags holds them whichever run computed each tag.
        return changes.Select(change =>
        {
            if (!affecting.Contains(change))
                return change;
            var code = SqlText.Ident(change.Code);
            var compare = $"""
                FROM (SELECT oneid, CAST({code} AS VARCHAR) AS value FROM tc_plan) n
                FULL JOIN (SELECT oneid, CAST({code} AS VARCHAR) AS value FROM {(db.TableExists("person_tags") && db.Scalar<long>("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'person_tags' AND column_name = $1", change.Code) > 0 ? "person_tags" : "(SELECT NULL::VARCHAR AS oneid, NULL::VARCHAR AS " + code + " WHERE false)")}) o USING (oneid)
                WHERE o.value IS DISTINCT FROM n.value
                """;
            var persons = db.Scalar<long>($"SELECT count(*) {compare}");
            var transitions = db.Rows($"SELECT o.value, n.value, count(*) AS c {compare} GROUP BY ALL ORDER BY c DESC LIMIT 5")
                .Select(r => ((string?)r[0], (string?)r[1], Convert.ToInt64(r[2]))).ToList();
            return change with { PersonsChanging = persons, Transitions = transitions };
        }).ToList();
    }
}
