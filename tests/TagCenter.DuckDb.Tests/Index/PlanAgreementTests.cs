using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// For random rules on random data, the bitmap plan over the values DuckDB computed selects exactly the persons for
/// whom DuckDB's SQL (the rule compiled as a bool tag) says TRUE: SQL's NULL logic, the canonical value text
/// (CAST AS VARCHAR) and the range encodings hold; what the index cannot answer is scanned in SQL
/// (<see cref="TagCompiler.Predicate"/>).
/// </summary>
public sealed class PlanAgreementTests
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private const int Rules = 8;

    private const string BaseTags = """
        path: 测试
        tags:
          level:
            code: level
            kind: enum
            type: string
            values: [高, 中, 低]
            rule: >-
              f_level
          vip:
            code: vip
            type: bool
            rule: >-
              f_vip
          n:
            code: n
            type: int
            rule: >-
              f_n
          m:
            code: m
            type: decimal
            rule: >-
              f_m
          d:
            code: d
            type: date
            rule: >-
              f_d

        """;

    private static readonly string[] Ops = ["=", "!=", "<", "<=", ">", ">="];

    private static Gen<string> Cmp(string tag, params string[] literals) =>
        from op in Gen.Elements(Ops)
        from v in Gen.Elements(literals)
        from flip in Gen.Elements(false, true)
        select flip ? $"{v} {op} {tag}" : $"{tag} {op} {v}";

    private static readonly Gen<string> Atom = Gen.OneOf(
        from op in Gen.Elements("=", "!=") from v in Gen.Elements("'高'", "'中'", "'低'") select $"level {op} {v}",
        from not in Gen.Elements("", "not ") from v in Gen.Elements("'高', '低'", "'中', null", "'低'") select $"level {not}in ({v})",
        Gen.Elements("vip", "vip = true", "vip != false", "n = null", "true"),
        Gen.Elements("f_n > 2", "f_level = '外'", "f_m is null", "n + 1 > 3"), // scans: person fields, arithmetic
        Cmp("n", "-1", "0", "3", "7", "2.5"),
        Cmp("m", "100", "2999.99", "3000.555", "3000.55", "-1.255"),
        Cmp("d", "'2025-12-31'", "'2026-08-01'", "'2026-08-02'"),
        from not in Gen.Elements("", "not ") select $"m {not}between 100 and 3000.555",
        from not in Gen.Elements("", "not ") select $"d {not}between '2026-07-01' and '2026-08-01'",
        from t in Gen.Elements("level", "vip", "n", "m", "d") from not in Gen.Elements("", "not ") select $"{t} is {not}null");

    private static Gen<string> Rule(int depth) => depth == 0
        ? Atom
        : Gen.OneOf(Atom,
            from a in Rule(depth - 1) select $"not ({a})",
            from a in Rule(depth - 1) from b in Rule(depth - 1) from op in Gen.Elements("and", "or") select $"({a}) {op} ({b})");

    private sealed record Person(string? Level, bool? Vip, long? N, decimal? M, DateTime? D);

    private static Gen<(Person[] Persons, string[] Rules)> Cases() =>
        from persons in Gen.NonEmptyListOf(
            from level in Gen.Elements<string?>("高", "中", "低", "外", null)
            from vip in Gen.Elements<bool?>(true, false, null)
            from n in Gen.Elements<long?>(-1, 0, 2, 3, 7, null)
            from m in Gen.Elements<decimal?>(100m, 2999.99m, 3000.55m, 3000.56m, -1.25m, -1.26m, null)
            from d in Gen.Elements<DateTime?>(new DateTime(2025, 12, 31), new DateTime(2026, 8, 1), new DateTime(2026, 8, 2), null)
            select new Person(level, vip, n, m, d))
        from rules in Gen.ArrayOf(Gen.Choose(0, 3).SelectMany(Rule), Rules)
        select (persons.Take(30).ToArray(), rules);

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property Plan_AgreesWithDuckDb() => Prop.ForAll(Cases().ToArbitrary(), c =>
    {
        using var workspace = new TestWorkspace();
        var ruleTags = string.Concat(c.Rules.Select((r, i) => $"  r{i}:\n    code: r{i}\n    type: bool\n    rule: >-\n      {r}\n"));
        workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", BaseTags + ruleTags);
        var db = workspace.Database;
        db.Execute("CREATE TABLE dim_person (oneid VARCHAR, f_level VARCHAR, f_vip BOOLEAN, f_n BIGINT, f_m DECIMAL(18,2), f_d DATE)");
        for (var p = 0; p < c.Persons.Length; p++)
        {
            var x = c.Persons[p];
            db.Execute("INSERT INTO dim_person VALUES ($1, $2, $3, $4, $5, $6)", $"P{p:D3}", x.Level, x.Vip, x.N, x.M, x.D);
        }
        var catalog = TagCatalog.Load(workspace.Root);
        var runner = new TagRunner(db, TimeProvider.System);
        runner.Run(catalog, AsOf);

        var rows = db.Rows("SELECT CAST(level AS VARCHAR), CAST(vip AS VARCHAR), n, CAST(m * 100 AS BIGINT), date_diff('day', DATE '1970-01-01', d), "
            + string.Join(", ", Enumerable.Range(0, Rules).Select(i => $"r{i}")) + " FROM tc_tags ORDER BY oneid");
        object?[] Column(int i) => rows.Select(r => r[i] is { } v && i is 2 or 3 or 4 ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : r[i]).ToArray();
        var index = new SqlValuesIndex(rows.Count, new Dictionary<string, (IndexedTag, object?[])>
        {
            ["level"] = (new IndexedTag("level", IndexedAs.Values, IndexEncoding.None), Column(0)),
            ["vip"] = (new IndexedTag("vip", IndexedAs.Values, IndexEncoding.None), Column(1)),
            ["n"] = (new IndexedTag("n", IndexedAs.Range, IndexEncoding.Integer), Column(2)),
            ["m"] = (new IndexedTag("m", IndexedAs.Range, IndexEncoding.Cents), Column(3)),
            ["d"] = (new IndexedTag("d", IndexedAs.Range, IndexEncoding.Days), Column(4)),
        });
        var tags = catalog.Tags.ToDictionary(t => t.Name);
        var executor = new IndexPlanExecutor(index, scan =>
        {
            // What the index cannot answer, SQL does: the persons (P000…, so ordinal = number) for whom it is TRUE.
            var command = TagCompiler.Predicate(catalog, runner.Schema(), AsOf, (BoundNode)scan.Predicate);
            return RoaringBitmap.FromSorted(db.Rows(command.Sql, [.. command.Parameters])
                .Select(r => uint.Parse(((string)r[0]!)[1..], CultureInfo.InvariantCulture)).Order().ToArray());
        });
        for (var i = 0; i < Rules; i++)
        {
            var bound = Binder.Bind(c.Rules[i], runner.Schema(), tags);
            if (!bound.Success)
                return false.Label($"{c.Rules[i]}: {bound.Diagnostics[0].Message}");
            var plan = PlanBuilder.Build(bound.Root, index);
            var byPlan = executor.Execute(plan).Select(o => (int)o).ToList();
            var bySql = rows.Select((r, p) => (r, p)).Where(x => x.r[5 + i] is true).Select(x => x.p).ToList();
            if (!byPlan.SequenceEqual(bySql) || executor.Count(plan) != bySql.Count)
                return false.Label($"{c.Rules[i]}\nplan: [{string.Join(",", byPlan)}] SQL: [{string.Join(",", bySql)}]\n{PlanBuilder.Describe(plan)}");
        }
        return true.ToProperty();
    });
}
