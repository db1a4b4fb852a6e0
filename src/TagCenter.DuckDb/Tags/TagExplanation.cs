using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// Why a person has a tag's value: <c>tagcenter tag explain</c>. The value stored by the run in force, the
/// value computed again at that run's as-of time by the tag's own compiled SQL restricted to the person, the
/// upstream tags and person fields the rule reads, and for each behaviour aggregate of the rule its value (the
/// aggregate compiled alone) and the fact rows that count towards it, with their source and line. Which rows
/// count is decided by the in-memory evaluator on a count() with the aggregate's own filter and window, so no
/// rule logic is repeated here.
/// </summary>
public sealed record TagExplanation(
    TagDefinition Tag,
    string OneId,
    DateTime AsOf,
    TagHistoryRun? Run,
    string? Stored,
    string? Computed,
    IReadOnlyList<(string Tag, string Code, string? Value)> UpstreamTags,
    IReadOnlyList<(string Field, string? Value)> Fields,
    IReadOnlyList<ExplainedAggregate> Aggregates)
{
    private static readonly HashSet<string> Scalar = ["coalesce", "greatest", "least", "round"];

    /// <summary>
    /// Explains <paramref name="tag"/> of the person <paramref name="oneId"/>: as of the latest run that computed
    /// it, or (<paramref name="asOf"/> given) as of the last run at or before that time, computed at that time.
    /// </summary>
    public static TagExplanation Of(WorkspaceDatabase db, TagCatalog catalog, TagDefinition tag, string oneId, DateTime? asOf, int rows)
    {
        var history = new TagHistory(db);
        var run = asOf is { } at ? history.At(at) : history.Latest(tag.Code);
        var when = asOf ?? run?.AsOf ?? throw new NotFoundException(Texts.T("history.explain.norun", tag.Name));
        var stored = run is null ? null : history.ValuesOf(oneId, run).GetValueOrDefault(tag.Code);
        var schema = new TagRunner(db, TimeProvider.System).Schema();
        // The whole catalog, as a run computes it (the filter on the person reaches every pass).
        var compilation = Compile(catalog, schema, when, null);
        var values = PersonRow(db, compilation, oneId);
        var upstream = (compilation.Dependencies.GetValueOrDefault(tag.Name) ?? [])
            .Select(n => catalog.Find(n)!).Select(t => (t.Name, t.Code, Text(values.GetValueOrDefault(t.Code)))).ToList();
        var person = db.Rows("SELECT * FROM dim_person WHERE oneid = $1", oneId).FirstOrDefault();
        var columns = db.Rows("SELECT column_name FROM (DESCRIBE dim_person)").Select(r => (string)r[0]!).ToList();
        var fields = person is null ? new Dictionary<string, object?>() : columns.Select((c, i) => (c, person[i])).ToDictionary(x => x.c, x => x.Item2);
        var reads = compilation.Reads.GetValueOrDefault(tag.Name) ?? [];
        var read = reads.Where(r => r.StartsWith("dim_person.", StringComparison.Ordinal)).Select(r => r["dim_person.".Length..])
            .Select(f => (f, Text(fields.GetValueOrDefault(f == ModelSchema.Age ? "birthday" : f)))).ToList();
        var aggregates = new List<ExplainedAggregate>();
        if (compilation.Trees.TryGetValue(tag.Name, out var root))
        {
            var text = Parser.Parse(tag.Rule!).Text;
            foreach (var call in Calls(root).DistinctBy(c => text.Substring(c.Span.Start, c.Span.Length)))
                aggregates.Add(Aggregate(db, schema, when, oneId, text, call, fields, reads, rows));
        }
        return new TagExplanation(tag, oneId, when, run, stored, Text(values.GetValueOrDefault(tag.Code)), upstream, read, aggregates);
    }

    private static ExplainedAggregate Aggregate(WorkspaceDatabase db, ModelSchema schema, DateTime when, string oneId, string text,
        CallNode call, IReadOnlyDictionary<string, object?> fields, IReadOnlyList<string> reads, int limit)
    {
        string Part(ExpressionNode n) => text.Substring(n.Span.Start, n.Span.Length);
        var expression = Part(call);
        var value = Probe(db, schema, when, oneId, expression, call.Function);
        // Which rows count: the same source, filter and window in a count(), evaluated row by row.
        var counting = $"count({Part(call.Arguments[0])}{string.Concat(call.Named.Where(n => n.Key is "where" or "within").Select(n => $", {n.Key}: {Part(n.Value)}"))})";
        var counter = Compile(TagCatalog.From([ProbeTag(counting, TagValueType.Int)]), schema, when, null);
        var source = (string)((LiteralNode)call.Arguments[0]).Value!;
        var fact = schema.Facts.ContainsKey(source) ? source : ModelSchema.EventFact;
        var shown = new List<ExplainedRow>();
        long total = 0;
        if (schema.Facts.ContainsKey(fact))
        {
            var table = SqlText.Ident("fact_" + fact);
            var names = db.Rows($"SELECT column_name FROM (DESCRIBE {table})").Select(r => (string)r[0]!).ToList();
            var wanted = reads.Where(r => r.StartsWith($"fact_{fact}.", StringComparison.Ordinal)).Select(r => r[$"fact_{fact}.".Length..])
                .Where(c => c != "event_time" && names.Contains(c)).Distinct().ToList();
            foreach (var row in db.Rows($"SELECT * FROM {table} WHERE oneid = $1 ORDER BY event_time DESC NULLS LAST, _line LIMIT 100000", oneId))
            {
                var record = names.Select((n, i) => (n, row[i])).ToDictionary(x => x.n, x => x.Item2);
                var person = new PersonData(fields, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> { [fact] = [record] });
                if (TagEvaluator.Evaluate(counter, person, when)["explain"] is not { } counted || Convert.ToInt64(counted, System.Globalization.CultureInfo.InvariantCulture) == 0)
                    continue;
                total++;
                if (shown.Count < limit)
                    shown.Add(new ExplainedRow(record.GetValueOrDefault("_source") as string, record.GetValueOrDefault("_line") is { } l ? Convert.ToInt64(l) : null,
                        record.GetValueOrDefault("event_time") as DateTime?, [.. wanted.Select(c => (c, Text(record[c])))]));
            }
        }
        return new ExplainedAggregate(expression, fact, value, total, shown);
    }

    /// <summary>The aggregate alone, compiled as a tag of its own and computed for the one person.</summary>
    private static string? Probe(WorkspaceDatabase db, ModelSchema schema, DateTime when, string oneId, string expression, string function)
    {
        TagValueType[] types = function switch
        {
            "count" or "days_since" => [TagValueType.Int],
            "did" => [TagValueType.Bool],
            "sum" or "avg" => [TagValueType.Decimal],
            _ => [TagValueType.String, TagValueType.Timestamp, TagValueType.Date, TagValueType.Bool],
        };
        foreach (var type in types)
        {
            var compilation = TagCompiler.Compile(TagCatalog.From([ProbeTag(expression, type)]), schema, when);
            if (compilation.Success)
                return Text(PersonRow(db, compilation, oneId).GetValueOrDefault("explain"));
        }
        return null;
    }

    private static TagDefinition ProbeTag(string rule, TagValueType type) => new()
    {
        Name = "explain",
        Code = "explain",
        Path = ["explain"],
        Kind = TagKind.Value,
        Type = type,
        Rule = rule,
        File = "explain",
    };

    private static TagCompilation Compile(TagCatalog catalog, ModelSchema schema, DateTime when, IReadOnlyCollection<string>? only)
    {
        var compilation = TagCompiler.Compile(catalog, schema, when, only);
        return compilation.Success ? compilation : throw new WorkspaceException(compilation.Diagnostics);
    }

    /// <summary>The compiled statement restricted to one person (the engine pushes the filter into every pass).</summary>
    private static Dictionary<string, object?> PersonRow(WorkspaceDatabase db, TagCompilation compilation, string oneId)
    {
        var codes = compilation.Tags.Select(t => t.Code).ToList();
        var rows = db.Rows($"SELECT {string.Join(", ", codes.Select(SqlText.Ident))} FROM ({compilation.Sql}) WHERE oneid = ${compilation.Parameters.Count + 1}",
            [.. compilation.Parameters, oneId]);
        return rows.Count == 0 ? [] : codes.Select((c, i) => (c, rows[0][i])).ToDictionary(x => x.c, x => x.Item2);
    }

    /// <summary>The behaviour calls of a rule (a call whose first argument names an event or a fact), outermost first.</summary>
    private static IEnumerable<CallNode> Calls(ExpressionNode node)
    {
        if (node is CallNode call && !Scalar.Contains(call.Function) && call.Arguments.Count > 0 && call.Arguments[0] is LiteralNode { Value: string })
        {
            yield return call;
            yield break;
        }
        IEnumerable<ExpressionNode> children = node switch
        {
            CallNode c => c.Arguments.Concat(c.Named.Values),
            UnaryNode u => [u.Operand],
            BinaryNode b => [b.Left, b.Right],
            BetweenNode b => [b.Value, b.Low, b.High],
            InNode i => i.Items.Prepend(i.Value),
            IsNullNode n => [n.Value],
            CaseNode c => c.Branches.SelectMany(b => new[] { b.When, b.Then }).Concat(c.Else is null ? [] : [c.Else]),
            _ => [],
        };
        foreach (var child in children)
            foreach (var inner in Calls(child))
                yield return inner;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
