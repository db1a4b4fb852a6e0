using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Index;

/// <summary>
/// <c>age</c> on the index's birthday column (<see cref="BirthdayCode"/>, days since 1970-01-01). The SQL reads
/// <c>age = floor(D / 365.25)</c> with <c>D</c> the whole days from the birthday to the as-of's date, so for an
/// integer k: <c>age ≥ k ⇔ D ≥ 365.25·k ⇔ D ≥ ⌈365.25·k⌉ ⇔ birthday ≤ asOfDay − ⌈365.25·k⌉</c> (D is whole). No
/// calendar arithmetic is involved, so Feb 29 births and as-ofs need no special case; the column is absolute and
/// serves any as-of. At the date of the tag run the index was built for, the age column (<see cref="AgeCode"/>: the
/// same <c>floor(D / 365.25)</c>, computed at the build) answers instead: a few slices, where the birthday needs
/// fifteen, so a count reads half the bytes.
/// </summary>
public static partial class PlanBuilder
{
    /// <summary>The column of golden birthdays; '#' keeps it apart from tag codes and activity columns.</summary>
    public const string BirthdayCode = "#birthday";

    /// <summary>The column of ages in whole years at the index's <see cref="ITagIndex.AgeAnchor"/>.</summary>
    public const string AgeCode = "#age";

    /// <summary>The age in whole years on the day <paramref name="asOfDay"/> of a person born on <paramref name="birthdayDay"/>
    /// (both days since 1970-01-01): <c>floor(D / 365.25) = floor(4·D / 1461)</c>, as the SQL computes it.</summary>
    public static long AgeOn(long birthdayDay, long asOfDay)
    {
        var four = 4 * (asOfDay - birthdayDay);
        return four >= 0 ? four / 1461 : -((-four + 1460) / 1461);
    }

    /// <summary>How <c>age</c> is answered: at <paramref name="AsOf"/>, from the age column when <paramref name="Column"/>, else the birthday column.</summary>
    private sealed record Ages(DateTime AsOf, bool Column);

    private static Ages? AgesOf(ITagIndex index, DateTime? asOf) =>
        asOf is not { } day || index.Find(BirthdayCode) is not { Kind: IndexedAs.Range } ? null
            : new Ages(day, index.Find(AgeCode) is { Kind: IndexedAs.Range } && index.AgeAnchor is { } anchor && anchor.Date == day.Date);

    // Beyond this many years the threshold leaves every real date behind; such literals are scanned.
    private const decimal AgeLimit = 1_000_000m;

    /// <summary>The TRUE set of <c>age op literal</c> (either way round), or null when it is not an age comparison.</summary>
    private static IndexPlan? AgeLookup(BoundCompare c, Ages ages)
    {
        var (literal, op) = (c.Left, c.Right) switch
        {
            (BoundPersonField { Field: ModelSchema.Age }, BoundLiteral l) => (l, c.Operator),
            (BoundLiteral l, BoundPersonField { Field: ModelSchema.Age }) => (l, Flip(c.Operator)),
            _ => default,
        };
        if (literal is null || Numeric(literal.Value!) is not { } v || Math.Abs(v) > AgeLimit)
            return null;
        var day = BsiEncoding.Encode(IndexEncoding.Days, ages.AsOf);
        var floor = (long)Math.Floor(v);
        var whole = v == floor;
        IndexPlan AtLeast(long k) => ages.Column
            ? new RangePlan(AgeCode, RangeOperator.GreaterOrEqual, k)
            : new RangePlan(BirthdayCode, RangeOperator.LessOrEqual, day - (long)Math.Ceiling(365.25m * k));
        IndexPlan Below(long k) => ages.Column
            ? new RangePlan(AgeCode, RangeOperator.Less, k)
            : new RangePlan(BirthdayCode, RangeOperator.Greater, day - (long)Math.Ceiling(365.25m * k));
        var equal = whole ? And(AtLeast(floor), Below(floor + 1)) : None; // an age is whole: age = 2.5 is nobody
        return op switch
        {
            "=" => equal,
            "!=" => AndNot(new HasValuePlan(BirthdayCode), equal),
            ">=" => AtLeast(whole ? floor : floor + 1),
            ">" => AtLeast(floor + 1),
            "<=" => Below(floor + 1),
            "<" => Below(whole ? floor : floor + 1),
            _ => null,
        };
    }

    private static string Flip(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };
}
