using System.Globalization;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// <c>segment explain</c>: evaluates a segment's rule for one person in memory. Each predicate and each value it
/// compares becomes a transient tag beside the published catalog, so the evaluator (which follows the SQL to the
/// letter) gives the person's values, each predicate's truth and the result in one walk.
/// </summary>
public static class SegmentExplainer
{
    public static SegmentExplanation Explain(WorkspaceDatabase db, TagCatalog catalog, SegmentDefinition segment, string oneId, DateTime asOf)
    {
        var evaluator = new SegmentEvaluator(db, catalog, asOf);
        if (evaluator.Check(segment) is { Count: > 0 } problems)
            throw new WorkspaceException(problems);
        var parsed = Parser.Parse(segment.Rule);
        var predicates = SegmentRule.Predicates(parsed.Root!);
        var transient = new List<TagDefinition> { SegmentRule.AsTag(segment, "__seg") };
        var shown = new List<List<(string Name, string Code)>>();
        for (var i = 0; i < predicates.Count; i++)
        {
            transient.Add(Transient($"__pred_{i}", Slice(parsed.Text, predicates[i].Span), TagValueType.Bool));
            var values = new List<(string, string)>();
            foreach (var (operand, j) in Operands(predicates[i]).Select((o, j) => (o, j)))
            {
                var text = Slice(parsed.Text, operand.Span);
                if (operand is NameNode n && catalog.Find(n.Name) is { } tag)
                    values.Add((tag.Name, tag.Code));
                else if (TypeOf(operand, evaluator.Schema) is { } type)
                {
                    transient.Add(Transient($"__val_{i}_{j}", text, type));
                    values.Add((text, $"__val_{i}_{j}"));
                }
            }
            shown.Add(values);
        }
        var all = TagCatalog.From([.. catalog.Tags, .. transient]);
        var compilation = TagCompiler.Compile(all, evaluator.Schema, asOf, [.. transient.Select(t => t.Name)]);
        if (!compilation.Success)
            throw new WorkspaceException([.. compilation.Diagnostics.Select(d => SegmentRule.Relabel(d, segment))]);
        var result = TagEvaluator.Evaluate(compilation, PersonDataReader.Read(db, oneId), asOf);
        var lines = predicates.Select((p, i) => new PredicateResult(Slice(parsed.Text, p.Span),
            [.. shown[i].Select(v => (v.Name, Format(result.GetValueOrDefault(v.Code))))], result[$"__pred_{i}"] as bool?)).ToList();
        return new SegmentExplanation(segment.Name, oneId, segment.Rule, asOf, lines, result["__seg"] as bool?);
    }

    /// <summary>What a predicate compares: the non-literal sides of a comparison, the value of between/in/is null, what a not negates.</summary>
    private static IEnumerable<ExpressionNode> Operands(ExpressionNode predicate)
    {
        IEnumerable<ExpressionNode> sides = predicate switch
        {
            BinaryNode b => [b.Left, b.Right],
            UnaryNode { Operator: "not" } u => [u.Operand],
            BetweenNode b => [b.Value],
            InNode i => [i.Value],
            IsNullNode n => [n.Value],
            _ => [],
        };
        return sides.Where(s => s is not LiteralNode);
    }

    /// <summary>The type of an operand worth showing: a person field, or a behaviour function whose type its name gives.</summary>
    private static TagValueType? TypeOf(ExpressionNode operand, ModelSchema schema) => operand switch
    {
        NameNode n => schema.PersonFields.TryGetValue(n.Name, out var t) ? t : null,
        CallNode { Function: "count" or "days_since" } => TagValueType.Int,
        CallNode { Function: "did" } => TagValueType.Bool,
        CallNode { Function: "sum" or "avg" } => TagValueType.Decimal,
        _ => null,
    };

    private static TagDefinition Transient(string code, string rule, TagValueType type) => new()
    {
        Name = code,
        Code = code,
        Path = ["explain"],
        Kind = TagKind.Computed,
        Type = type,
        Rule = rule,
        File = "explain",
    };

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, Math.Min(span.Length, text.Length - span.Start));

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IEnumerable<string> list when value is not string => string.Join(", ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
