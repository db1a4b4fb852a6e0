using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// Random rules that mix <c>age</c> comparisons and <c>did(…)</c> with the <see cref="RuleGen"/> atoms, and persons
/// with a birthday and fact rows on their edges as of <see cref="PlanFixture.AsOf"/>: birthdays on the as-of's
/// month/day k years back and exactly ⌈365.25·k⌉ days back (where <c>age</c> turns k), a day either side; orders and
/// events exactly N days (or 12 h) back, a second either side, at the as-of, after it, and without a time.
/// </summary>
internal static class AgeDidGen
{
    private static readonly DateTime AsOf = PlanFixture.AsOf;
    private static readonly int[] Years = [0, 1, 17, 18, 19, 65];
    private static readonly int[] DaysBack = [0, 1, 2, 7, 30, 31, 365, 366];

    private static readonly Gen<string> AgeLiteral = Gen.Elements("0", "1", "17", "18", "19", "65", "18.5", "-1");
    private static readonly Gen<string> Window = Gen.Elements("1d", "2d", "7d", "30d", "31d", "1w", "1mo", "1y", "12h", "48h");

    // An event of the event fact without an activity column ('purchase') scans.
    private static readonly Gen<string> Source = Gen.Elements("orders", "events", "app_start", "page_view", "purchase");

    private static readonly Gen<string> Age = Gen.OneOf(
        RuleGen.Cmp("age", AgeLiteral),
        RuleGen.Cmp("age", AgeLiteral),
        from op in Gen.Elements("<", ">=") from k in AgeLiteral select $"not age {op} {k}",
        from not in Gen.Elements("", "not ") from a in AgeLiteral from b in AgeLiteral select $"age {not}between {a} and {b}",
        from not in Gen.Elements("", "not ") select $"age is {not}null");

    private static readonly Gen<string> Did =
        from not in Gen.Elements("", "", "not ")
        from source in Source
        from window in Gen.OneOf(Gen.Constant(""), Window.Select(w => $", within: {w}"), Window.Select(w => $", within: {w}"))
        select $"{not}did('{source}'{window})";

    /// <summary>Up to <paramref name="depth"/> levels of and/or/not over tag, age and did atoms.</summary>
    public static Gen<string> Rule(int depth) => RuleGen.Rule(depth, Gen.OneOf(RuleGen.Atom, Age, Did, Did));

    private static readonly Gen<DateTime?> Birthday = Gen.OneOf(
        Gen.Constant((DateTime?)null),
        from k in Gen.Elements(Years) from d in Gen.Choose(-1, 1) select (DateTime?)AsOf.AddYears(-k).AddDays(d),
        from k in Gen.Elements(Years) from d in Gen.Choose(-1, 1) select (DateTime?)AsOf.AddDays(d - (int)Math.Ceiling(365.25m * k)),
        Gen.Elements<DateTime?>(new DateTime(2008, 2, 29), AsOf.AddDays(10)));

    private static readonly Gen<DateTime?> Time = Gen.OneOf(
        Gen.Elements<DateTime?>(null, AsOf, AsOf.AddSeconds(1), AsOf.AddHours(-12), AsOf.AddHours(-12).AddSeconds(1)),
        from n in Gen.Elements(DaysBack) from s in Gen.Choose(-1, 1) select (DateTime?)AsOf.AddDays(-n).AddSeconds(s));

    private static Gen<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows(Gen<IReadOnlyDictionary<string, object?>> row) =>
        from rows in Gen.ListOf(row)
        select (IReadOnlyList<IReadOnlyDictionary<string, object?>>)rows.Take(3).ToList();

    private static readonly Gen<IReadOnlyDictionary<string, object?>> Order =
        Time.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["event_time"] = t });

    private static readonly Gen<IReadOnlyDictionary<string, object?>> Event =
        from t in Time
        from e in Gen.Elements<string?>("app_start", "page_view", "purchase", null)
        select (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["event_time"] = t, ["event"] = e };

    /// <summary>A <see cref="RuleGen.Person"/> with a birthday, up to three orders and up to three events.</summary>
    public static Gen<PersonData> Person() =>
        from fields in RuleGen.Person()
        from birthday in Birthday
        from orders in Rows(Order)
        from events in Rows(Event)
        select new PersonData(
            new Dictionary<string, object?>(fields) { ["birthday"] = birthday },
            new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> { ["orders"] = orders, [ModelSchema.EventFact] = events });
}
