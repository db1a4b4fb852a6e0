using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Segments;

/// <summary>
/// What a segment's rule is made of, read from its parse tree: the names it uses, its predicates (the leaves
/// under and/or/not) and the enum values it compares with. A rule becomes a transient computed bool tag, so
/// the tag compiler checks and computes it like any other rule (and computes the tags it reads).
/// </summary>
public static class SegmentRule
{
    /// <summary>The code of the transient tag standing for segment number <paramref name="index"/> in one compilation.</summary>
    public static string Code(int index) => $"__seg_{index}";

    /// <summary>The segment as a computed bool tag; its rule sits where the segment's does, so diagnostics point into the segment file.</summary>
    public static TagDefinition AsTag(SegmentDefinition segment, string code, string? rule = null) => new()
    {
        Name = segment.Name,
        Code = code,
        Path = ["人群"],
        Kind = TagKind.Computed,
        Type = TagValueType.Bool,
        Rule = rule ?? segment.Rule,
        File = segment.File,
        RuleLine = segment.RuleLine,
        RuleColumn = segment.RuleColumn,
    };

    /// <summary>Every name the rule mentions (tags, person fields, fact columns).</summary>
    public static HashSet<string> Names(ExpressionNode? root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Walk(ExpressionNode? node)
        {
            switch (node)
            {
                case NameNode n: names.Add(n.Name); break;
                case UnaryNode u: Walk(u.Operand); break;
                case BinaryNode b: Walk(b.Left); Walk(b.Right); break;
                case BetweenNode b: Walk(b.Value); Walk(b.Low); Walk(b.High); break;
                case InNode i: Walk(i.Value); foreach (var x in i.Items) Walk(x); break;
                case IsNullNode n: Walk(n.Value); break;
                case CaseNode c:
                    foreach (var (when, then) in c.Branches) { Walk(when); Walk(then); }
                    Walk(c.Else);
                    break;
                case CallNode c:
                    foreach (var a in c.Arguments) Walk(a);
                    foreach (var a in c.Named.Values) Walk(a);
                    break;
            }
        }
        Walk(root);
        return names;
    }

    /// <summary>The tags of <paramref name="catalog"/> a rule uses.</summary>
    public static IReadOnlyList<string> Tags(string rule, TagCatalog catalog)
    {
        var names = Names(Parser.Parse(rule).Root);
        return catalog.Tags.Where(t => names.Contains(t.Name) || names.Contains(t.Code)).Select(t => t.Name).ToList();
    }

    /// <summary>
    /// The predicates of a rule: what and/or combine, in reading order. A <c>not</c> over a single predicate stays
    /// with it (<c>not did('orders', within: 30d)</c> is one predicate, true for a person who did not order).
    /// </summary>
    public static IReadOnlyList<ExpressionNode> Predicates(ExpressionNode root)
    {
        var result = new List<ExpressionNode>();
        void Walk(ExpressionNode node)
        {
            switch (node)
            {
                case BinaryNode { Operator: "and" or "or" } b: Walk(b.Left); Walk(b.Right); break;
                case UnaryNode { Operator: "not", Operand: BinaryNode { Operator: "and" or "or" } or UnaryNode { Operator: "not" } } u: Walk(u.Operand); break;
                default: result.Add(node); break;
            }
        }
        Walk(root);
        return result;
    }

    /// <summary>
    /// Comparisons of an enum tag with a value outside its set (<c>生命周期阶段 = '高价值'</c>): always false, so
    /// surely a mistake; the diagnostic lists the values that exist.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckValues(SegmentDefinition segment, ExpressionNode root, string text, TagCatalog catalog)
    {
        var diagnostics = new List<Diagnostic>();
        void Check(ExpressionNode name, IEnumerable<ExpressionNode> values)
        {
            if (name is not NameNode n || catalog.Find(n.Name) is not { Kind: TagKind.Enum, Values.Count: > 0 } tag)
                return;
            foreach (var literal in values.OfType<LiteralNode>().Where(l => l.Kind == LiteralKind.String))
            {
                var value = (string)literal.Value!;
                if (!tag.Values.Contains(value))
                    diagnostics.Add(At(segment, text, literal.Span, Texts.T("segment.rule.value", value, tag.Name,
                        Suggest.Hint(value, tag.Values), string.Join(", ", tag.Values))));
            }
        }
        void Walk(ExpressionNode? node)
        {
            switch (node)
            {
                case BinaryNode { Operator: "=" or "!=" or "<>" } b:
                    Check(b.Left, [b.Right]);
                    Check(b.Right, [b.Left]);
                    break;
                case BinaryNode b: Walk(b.Left); Walk(b.Right); break;
                case UnaryNode u: Walk(u.Operand); break;
                case InNode i: Check(i.Value, i.Items); break;
            }
        }
        Walk(root);
        return diagnostics;
    }

    /// <summary>A diagnostic at <paramref name="span"/> of the rule, placed in the segment file.</summary>
    public static Diagnostic At(SegmentDefinition segment, string text, TextSpan span, string message)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var line = text[..start].Count(c => c == '\n') + 1;
        var column = start - (start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1) + 1;
        return new Diagnostic(segment.File, segment.RuleLine + line - 1, line == 1 ? segment.RuleColumn + column - 1 : column,
            Texts.T("segment.rule.at", segment.Name, message));
    }

    /// <summary>A compiler diagnostic about the transient tag of <paramref name="segment"/>, said of the segment.</summary>
    public static Diagnostic Relabel(Diagnostic d, SegmentDefinition segment)
    {
        var prefix = Texts.T("tags.compile.at", segment.Name, "");
        return d.Message.StartsWith(prefix, StringComparison.Ordinal)
            ? d with { Message = Texts.T("segment.rule.at", segment.Name, d.Message[prefix.Length..]) }
            : d;
    }
}
