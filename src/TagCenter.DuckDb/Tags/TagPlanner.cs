using System.Text.Json;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// <c>tagcenter plan</c>: what applying the files would change, tag by tag, and for every added or changed
/// tag how many persons would get a different value (computed on the real data). The published rule and the
/// new one are both computed as of the same time, by default the as-of of the latest snapshot, so the
/// difference is the rule's alone; values are compared typed (2 and 2.00 are the same number).
/// </summary>
public static class TagPlanner
{
    /// <summary>The plan with old and new rules both computed as of <paramref name="asOf"/>.</summary>
    public static TagPlan Plan(WorkspaceDatabase db, TagCatalog files, DateTime asOf) =>
        Plan(db, files, new TagPlanOptions(asOf, TimeProvider.System), CancellationToken.None);

    public static TagPlan Plan(WorkspaceDatabase db, TagCatalog files, TagPlanOptions options, CancellationToken cancellationToken)
    {
        var (asOf, time) = (options.AsOf, options.Time);
        var published = PublishedCatalog.Load(db) ?? TagCatalog.From([]);
        var changes = new List<TagChange>();
        foreach (var tag in files.Tags)
        {
            var before = published.Tags.FirstOrDefault(t => t.Code == tag.Code);
            if (before is null)
                changes.Add(new TagChange(TagChangeAction.Added, tag.Code, tag.Name, null, tag, ["new"]));
            else if (Differences(before, tag) is { Count: > 0 } what)
                changes.Add(new TagChange(Deprecates(before, tag, what) ? TagChangeAction.Deprecated : TagChangeAction.Changed, tag.Code, tag.Name, before, tag, what));
        }
        foreach (var gone in published.Tags.Where(p => files.Tags.All(f => f.Code != p.Code)))
        {
            // Only what stays counts: a published rule that is itself being changed or removed no longer reads it.
            var dependents = files.Tags.Where(t => t.Code != gone.Code && t.Rule is not null && Names(t.Rule).Contains(gone.Name))
                .Select(t => t.Name).Distinct().ToList();
            dependents.AddRange(SegmentPlanner.Users(options.Segments ?? [], gone.Name));
            changes.Add(new TagChange(TagChangeAction.Removed, gone.Code, gone.Name, gone, null, ["removed"]) { Dependents = dependents });
        }
        var blocked = changes.Any(c => c.Dependents.Count > 0);
        if (!blocked && options.Declared is { } declared && !db.TableExists("dim_person"))
        {
            var check = TagCompiler.Compile(files, declared, asOf ?? time.GetLocalNow().DateTime, checkOnly: true);
            if (!check.Success)
                throw new WorkspaceException(check.Diagnostics);
        }
        var (when, source) = AsOfFor(db, asOf, time);
        var segments = blocked || options.Segments is null ? []
            : SegmentPlanner.Plan(db, files, options.Segments, [.. changes.Where(c => c.Action is not (TagChangeAction.Removed or TagChangeAction.Deprecated)).Select(c => c.Name)], when);
        return new TagPlan(WithImpact(db, files, published, changes, when, cancellationToken)) { AsOf = when, AsOfSource = source, Segments = segments };
    }

    private static (DateTime, PlanAsOfSource) AsOfFor(WorkspaceDatabase db, DateTime? given, TimeProvider time)
    {
        if (given is { } g)
            return (g, PlanAsOfSource.Given);
        TagTables.Ensure(db);
        return db.Scalar<DateTime?>("SELECT as_of FROM tag_runs WHERE status = 'ok' ORDER BY finished_at DESC LIMIT 1") is { } snapshot
            ? (snapshot, PlanAsOfSource.Snapshot)
            : (time.GetLocalNow().DateTime, PlanAsOfSource.Now);
    }

    private static List<string> Differences(TagDefinition before, TagDefinition after)
    {
        var a = JsonSerializer.SerializeToElement(Comparable(before));
        var b = JsonSerializer.SerializeToElement(Comparable(after));
        return a.EnumerateObject().Where(p => p.Value.GetRawText() != b.GetProperty(p.Name).GetRawText()).Select(p => p.Name.ToLowerInvariant()).ToList();
    }

    /// <summary>A change that only marks the tag deprecated (its rule and meaning stay).</summary>
    private static bool Deprecates(TagDefinition before, TagDefinition after, List<string> what) =>
        before.Deprecated is null && after.Deprecated is not null && what.All(w => w is "deprecated" or "status");

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

    /// <summary>Computes old and new values of added and changed tags at the same as-of and compares them, typed.</summary>
    private static List<TagChange> WithImpact(WorkspaceDatabase db, TagCatalog files, TagCatalog published, List<TagChange> changes, DateTime asOf, CancellationToken cancellationToken)
    {
        var affecting = changes.Where(c => c.After?.Rule is not null && (c.Action == TagChangeAction.Added || c.What.Intersect(["rule", "type", "values", "kind"]).Any())).ToList();
        if (affecting.Count == 0 || !db.TableExists("dim_person"))
            return changes;
        var schema = new TagRunner(db, TimeProvider.System).Schema();
        var compilation = TagCompiler.Compile(files, schema, asOf, affecting.Select(c => c.Name).ToList());
        if (!compilation.Success)
            throw new WorkspaceException(compilation.Diagnostics);
        cancellationToken.ThrowIfCancellationRequested();
        db.Execute($"CREATE OR REPLACE TEMP TABLE tc_plan_new AS {compilation.Sql}", [.. compilation.Parameters]);
        // The published rules of the changed tags, as of the same time: the old side of the comparison.
        var before = affecting.Where(c => c.Before?.Rule is not null).Select(c => c.Before!.Name).ToList();
        var old = before.Count == 0 ? null : TagCompiler.Compile(published, schema, asOf, before);
        var haveOld = old is { Success: true };
        if (haveOld)
        {
            cancellationToken.ThrowIfCancellationRequested();
            db.Execute($"CREATE OR REPLACE TEMP TABLE tc_plan_old AS {old!.Sql}", [.. old.Parameters]);
        }
        return changes.Select(change =>
        {
            if (!affecting.Contains(change))
                return change;
            cancellationToken.ThrowIfCancellationRequested();
            var code = SqlText.Ident(change.Code);
            var oldSide = change.Before?.Rule is null
                ? $"(SELECT NULL::VARCHAR AS oneid, NULL::VARCHAR AS {code} WHERE false)"
                : haveOld ? "tc_plan_old" : null;
            if (oldSide is null)
                return change;
            var numbers = change.After!.Type is TagValueType.Int or TagValueType.Decimal && (change.Before is null || change.Before.Type is TagValueType.Int or TagValueType.Decimal);
            var distinct = numbers
                ? "CAST(o.v AS DECIMAL(38,10)) IS DISTINCT FROM CAST(n.v AS DECIMAL(38,10))"
                : "CAST(o.v AS VARCHAR) IS DISTINCT FROM CAST(n.v AS VARCHAR)";
            var compare = $"""
                FROM (SELECT oneid, {code} AS v FROM tc_plan_new) n
                FULL JOIN (SELECT oneid, {code} AS v FROM {oldSide}) o USING (oneid)
                WHERE {distinct}
                """;
            var persons = db.Scalar<long>($"SELECT count(*) {compare}");
            var transitions = db.Rows($"SELECT CAST(o.v AS VARCHAR), CAST(n.v AS VARCHAR), count(*) AS c {compare} GROUP BY ALL ORDER BY c DESC, 1, 2 LIMIT 5")
                .Select(r => ((string?)r[0], (string?)r[1], Convert.ToInt64(r[2]))).ToList();
            return change with { PersonsChanging = persons, Transitions = transitions };
        }).ToList();
    }
}
