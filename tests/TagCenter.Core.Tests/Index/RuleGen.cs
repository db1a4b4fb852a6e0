using FsCheck;
using FsCheck.Fluent;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// Random rules (as text) over the <see cref="PlanFixture"/> tags: every comparison kind, in/not in (with nulls),
/// between, is null, bare bools, a predicate the index cannot answer (a person field), nested and/or/not.
/// Also random populations for them, with nulls and an enum value outside the set.
/// </summary>
internal static class RuleGen
{
    private static readonly string[] Ops = ["=", "!=", "<", "<=", ">", ">="];

    /// <summary><c>operand op literal</c>, with every comparison operator, written either way round.</summary>
    public static Gen<string> Cmp(string operand, Gen<string> literal) =>
        from op in Gen.Elements(Ops)
        from v in literal
        from flip in Gen.Elements(false, false, true)
        select flip ? $"{v} {op} {operand}" : $"{operand} {op} {v}";

    private static readonly Gen<string> Level = Gen.Elements("'高'", "'中'", "'低'");
    private static readonly Gen<string> N = Gen.Choose(-1, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly Gen<string> M = Gen.Elements("100", "2999.99", "3000.555", "3000.55", "3000.5", "-1.25", "-1.255");
    private static readonly Gen<string> D = Gen.Elements("'2025-12-31'", "'2026-07-01'", "'2026-08-01'", "'2026-08-02'");

    private static Gen<string> List(Gen<string> item) =>
        from items in Gen.NonEmptyListOf(Gen.OneOf(item, item, item, Gen.Constant("null")))
        select string.Join(", ", items.Take(3));

    /// <summary>One comparison, membership, range or null test of the tags (or of a person field, which scans).</summary>
    public static readonly Gen<string> Atom = Gen.OneOf(
        from op in Gen.Elements("=", "!=") from v in Level select $"level {op} {v}",
        from not in Gen.Elements("", "not ") from l in List(Level) select $"level {not}in ({l})",
        Gen.Elements("vip", "vip = true", "vip = false", "vip != true", "true", "false", "null = n", "f_n > 3", "f_n is null"),
        Cmp("n", N),
        Cmp("m", M),
        Cmp("m", M),
        Cmp("d", D),
        Cmp("d", D),
        from not in Gen.Elements("", "not ") from l in List(N) select $"n {not}in ({l})",
        from not in Gen.Elements("", "not ") from a in M from b in M select $"m {not}between {a} and {b}",
        from not in Gen.Elements("", "not ") from a in D from b in D select $"d {not}between {a} and {b}",
        from t in Gen.Elements("level", "vip", "n", "m", "d") from not in Gen.Elements("", "not ") select $"{t} is {not}null");

    public static Gen<string> Rule(int depth) => Rule(depth, Atom);

    /// <summary>Up to <paramref name="depth"/> levels of and/or/not over <paramref name="atom"/>.</summary>
    public static Gen<string> Rule(int depth, Gen<string> atom) => depth == 0
        ? atom
        : Gen.OneOf(
            atom,
            from a in Rule(depth - 1, atom) select $"not ({a})",
            from a in Rule(depth - 1, atom) from b in Rule(depth - 1, atom) from op in Gen.Elements("and", "or") select $"({a}) {op} ({b})");

    private static decimal? Maybe(int? x) => x is { } v ? v : null;

    public static Gen<IReadOnlyDictionary<string, object?>> Person() =>
        from level in Gen.Elements<string?>("高", "中", "低", "外", null)
        from vip in Gen.Elements<bool?>(true, false, null)
        from n in Gen.OneOf(Gen.Choose(-1, 11).Select(i => (int?)i), Gen.Constant((int?)null))
        from m in Gen.Elements<decimal?>(100m, 2999.99m, 3000.55m, 3000.56m, -1.25m, -1.26m, null)
        from d in Gen.Elements<DateTime?>(new DateTime(2025, 12, 31), new DateTime(2026, 7, 1), new DateTime(2026, 8, 1), new DateTime(2026, 8, 2), null)
        select (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["f_level"] = level,
            ["f_vip"] = vip,
            ["f_n"] = Maybe(n),
            ["f_m"] = m,
            ["f_d"] = d,
        };
}
