using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Index;

/// <summary>
/// Turns a bound boolean rule into a bitmap plan that keeps SQL's three-valued logic exactly: a person counts only
/// when the rule is TRUE. Every boolean sub-expression has two sets, T (true) and F (false); null is neither.
/// <c>not</c> swaps them; <c>and</c>: T = T1 ∩ T2, F = F1 ∪ F2; <c>or</c>: T = T1 ∪ T2, F = F1 ∩ F2; a comparison on an
/// indexed tag: T = the lookup, F = HasValue \ T; <c>is null</c>: T = All \ HasValue; <c>did(…)</c> on an activity
/// column (never null): F = All \ T. Only the set asked for is built.
/// What the index cannot answer (behaviour, person fields, arithmetic, tags it lacks) becomes a
/// <see cref="ScanPlan"/> whose predicate is the bound sub-tree that is TRUE for the persons wanted.
/// </summary>
public static partial class PlanBuilder
{
    /// <summary>Every person: one instance, shared with <see cref="IndexPlanExecutor"/>.</summary>
    internal static readonly AllPlan All = new();
    private static readonly NonePlan None = new();

    /// <summary>
    /// The persons for whom <paramref name="rule"/> (a bound boolean expression) is TRUE, counted as of
    /// <paramref name="asOf"/>: <c>did(…)</c> is answered by the index's activity columns when they are anchored there.
    /// </summary>
    public static IndexPlan Build(BoundNode rule, ITagIndex index, DateTime? asOf = null) =>
        new Builder(index.Find, b => Did(b, index, asOf), AgesOf(index, asOf)).Set(rule, true);

    /// <summary>As <see cref="Build(BoundNode, ITagIndex, DateTime?)"/>, with <paramref name="find"/> saying how a tag (by code) is indexed.</summary>
    public static IndexPlan Build(BoundNode rule, Func<string, IndexedTag?> find) => new Builder(find, _ => null, null).Set(rule, true);

    /// <param name="ages">How <c>age</c> is answered from the index; null when it is scanned.</param>
    private sealed class Builder(Func<string, IndexedTag?> find, Func<BoundBehaviour, IndexPlan?> did, Ages? ages)
    {
        /// <summary>The persons for whom <paramref name="node"/> is TRUE (<paramref name="truth"/>) or FALSE.</summary>
        public IndexPlan Set(BoundNode node, bool truth) => node switch
        {
            BoundNot n => Set(n.Operand, !truth),
            BoundLogical l when l.IsAnd == truth => And(Set(l.Left, truth), Set(l.Right, truth)),
            BoundLogical l => Or(Set(l.Left, truth), Set(l.Right, truth)),
            BoundLiteral { Value: bool b } => b == truth ? All : None,
            BoundLiteral { Value: null } => None,
            BoundIsNull { Value: BoundTag t } n when find(t.Tag.Code) is { } indexed =>
                truth != n.Negated ? AndNot(All, new HasValuePlan(indexed.Code)) : new HasValuePlan(indexed.Code),
            BoundTag { Type: TagValueType.Bool } t when find(t.Tag.Code) is { Kind: IndexedAs.Values } indexed =>
                new EqualsPlan(indexed.Code, truth ? "true" : "false"),
            // x between lo and hi ≡ x >= lo and x <= hi; x in (a, b) ≡ x = a or x = b (null items included: x = null is null).
            BoundBetween b => Set(new BoundLogical(true, new BoundCompare(">=", b.Value, b.Low, b.Span), new BoundCompare("<=", b.Value, b.High, b.Span), b.Span), truth != b.Negated),
            BoundIn { Items.Count: > 0 } i => Set(i.Items.Select(item => (BoundNode)new BoundCompare("=", i.Value, item, i.Span))
                .Aggregate((a, c) => new BoundLogical(false, a, c, i.Span)), truth != i.Negated),
            BoundCompare { Left: BoundLiteral { Value: null } } or BoundCompare { Right: BoundLiteral { Value: null } } => None, // x op null is null
            BoundCompare c when Lookup(c) is { } lookup => truth ? lookup : AndNot(new HasValuePlan(TagOf(c)), lookup),
            BoundIsNull { Value: BoundPersonField { Field: ModelSchema.Age } } n when ages is not null =>
                truth != n.Negated ? AndNot(All, new HasValuePlan(BirthdayCode)) : new HasValuePlan(BirthdayCode),
            BoundCompare c when ages is not null && AgeLookup(c, ages) is { } age => truth ? age : AndNot(new HasValuePlan(BirthdayCode), age),
            BoundBehaviour b when did(b) is { } active => truth ? active : AndNot(All, active), // did is never null
            _ => Scan(node, truth),
        };

        private static ScanPlan Scan(BoundNode node, bool truth)
        {
            var predicate = truth ? node : new BoundNot(node, node.Span);
            return new ScanPlan(BoundText.Write(predicate), predicate);
        }

        private static string TagOf(BoundCompare c) => ((BoundTag)(c.Left as BoundTag ?? c.Right)).Tag.Code;

        /// <summary>The TRUE set of <c>tag op literal</c> (either way round) when the index can answer it; null when it cannot.</summary>
        private IndexPlan? Lookup(BoundCompare c)
        {
            var (tag, literal, op) = (c.Left, c.Right) switch
            {
                (BoundTag t, BoundLiteral l) => (t, l, c.Operator),
                (BoundLiteral l, BoundTag t) => (t, l, Flip(c.Operator)),
                _ => default,
            };
            if (tag is null || find(tag.Tag.Code) is not { } indexed)
                return null;
            return indexed.Kind == IndexedAs.Values
                ? ValueLookup(indexed, tag.Tag, literal.Value!, op)
                : Encode(indexed.Encoding, literal.Value!) is { } encoded ? RangeLookup(indexed.Code, op, encoded) : null;
        }

        private static IndexPlan? ValueLookup(IndexedTag indexed, TagDefinition tag, object literal, string op)
        {
            if (op is not ("=" or "!="))
                return null;
            IndexPlan? equal = (tag.Type, literal) switch
            {
                (TagValueType.Bool, bool b) => new EqualsPlan(indexed.Code, b ? "true" : "false"),
                (TagValueType.String, string s) => new EqualsPlan(indexed.Code, s),
                (TagValueType.Int, decimal d) when d % 1 == 0 && Math.Abs(d) < long.MaxValue =>
                    new EqualsPlan(indexed.Code, ((long)d).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (TagValueType.Int, decimal d) when d % 1 != 0 => None, // a whole number never equals 2.5
                _ => null,
            };
            if (equal is null)
                return null;
            return op == "=" ? equal : AndNot(new HasValuePlan(indexed.Code), equal);
        }

        /// <summary>
        /// <c>x op v</c> where v is the literal in the index's encoding, possibly between two integers (3000.555 in
        /// cents): tag values are whole in the encoding, so <c>x &gt; 300055.5</c> is <c>x &gt; 300055</c> and <c>x = 300055.5</c> is nobody.
        /// </summary>
        private static IndexPlan RangeLookup(string code, string op, decimal v)
        {
            var floor = (long)Math.Floor(v);
            var whole = v == floor;
            var equal = whole ? new RangePlan(code, RangeOperator.Equal, floor) : (IndexPlan)None;
            return op switch
            {
                "=" => equal,
                "!=" => AndNot(new HasValuePlan(code), equal),
                "<" => new RangePlan(code, whole ? RangeOperator.Less : RangeOperator.LessOrEqual, floor),
                "<=" => new RangePlan(code, RangeOperator.LessOrEqual, floor),
                ">" => new RangePlan(code, RangeOperator.Greater, floor),
                _ => new RangePlan(code, whole ? RangeOperator.GreaterOrEqual : RangeOperator.Greater, floor),
            };
        }
    }

    internal static IndexPlan And(IndexPlan a, IndexPlan b)
    {
        if (a is NonePlan || b is NonePlan)
            return None;
        if (a is AllPlan)
            return b;
        if (b is AllPlan)
            return a;
        return new AndPlan([.. Parts<AndPlan>(a), .. Parts<AndPlan>(b)]);
    }

    internal static IndexPlan Or(IndexPlan a, IndexPlan b)
    {
        if (a is AllPlan || b is AllPlan)
            return All;
        if (a is NonePlan)
            return b;
        if (b is NonePlan)
            return a;
        return new OrPlan([.. Parts<OrPlan>(a), .. Parts<OrPlan>(b)]);
    }

    internal static IndexPlan AndNot(IndexPlan a, IndexPlan b) => (a, b) switch
    {
        (NonePlan, _) or (_, AllPlan) => None,
        (_, NonePlan) => a,
        _ => new AndNotPlan(a, b),
    };

    private static IReadOnlyList<IndexPlan> Parts<T>(IndexPlan plan) where T : IndexPlan => plan switch
    {
        AndPlan all when typeof(T) == typeof(AndPlan) => all.Parts,
        OrPlan any when typeof(T) == typeof(OrPlan) => any.Parts,
        _ => [plan],
    };
}
