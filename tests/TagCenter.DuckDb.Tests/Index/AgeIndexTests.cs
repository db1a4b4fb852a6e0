using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Realtime;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// <c>age</c> answered by the index selects the persons SQL selects: births exactly ⌈365.25·a⌉ days before the as-of's
/// date and one day either side, Feb 29 births, no birthday, as-ofs on Feb 28 and 29. On the date of the tag run the
/// index was built for, the age column answers; on another, the birthday column.
/// </summary>
public sealed class AgeIndexTests : IDisposable
{
    private static readonly DateTime AsOf = DidIndexFixture.AsOf; // 2026-03-31 10:00
    private readonly DidIndexFixture _f = new(handRows: false);

    public AgeIndexTests() => _f.Db.Execute("ALTER TABLE dim_person ADD COLUMN birthday DATE");

    private void Person(string id, string city, DateOnly? birthday) =>
        _f.Db.Execute("INSERT INTO dim_person VALUES ($1, $2, $3)", id, city, birthday?.ToDateTime(TimeOnly.MinValue));

    /// <summary>Born 6575 days before 2026-03-31 (⌈365.25·18⌉: 18 exactly), one day later (17) and earlier (18); 25 likewise (9132).</summary>
    private void EdgePersons()
    {
        var day = DateOnly.FromDateTime(AsOf);
        Person("A0", "上海", day.AddDays(-6575));
        Person("A1", "上海", day.AddDays(-6574));
        Person("A2", "北京", day.AddDays(-6576));
        Person("B0", "上海", day.AddDays(-9132));
        Person("B1", "北京", day.AddDays(-9131));
        Person("B2", "上海", day.AddDays(-9133));
        Person("N0", "上海", null);
        Person("F0", "北京", new DateOnly(2008, 2, 29));
        Person("F1", "上海", new DateOnly(2000, 2, 29));
    }

    [Theory]
    // Ages at 2026-03-31: A0 18, A1 17, A2 18, B0 25, B1 24, B2 25, N0 null, F0 (2008-02-29) 18, F1 (2000-02-29) 26.
    [InlineData("age >= 18", 7)]
    [InlineData("age > 18", 4)] // B0 B1 B2 F1
    [InlineData("age = 18", 3)] // A0 A2 F0
    [InlineData("age < 18", 1)] // A1
    [InlineData("age between 18 and 24", 4)] // A0 A2 F0 B1
    [InlineData("age between 18 and 25", 6)]
    [InlineData("age in (17, 26)", 2)] // A1 F1
    [InlineData("age is null", 1)]
    [InlineData("age is not null", 8)]
    [InlineData("not age < 25", 3)] // B0 B2 F1
    [InlineData("age != 18", 5)] // N0 is neither
    [InlineData("age >= 17.5", 7)]
    [InlineData("age = 18.5", 0)]
    [InlineData("18 <= age and 城市 = '上海'", 4)] // A0 B0 B2 F1
    [InlineData("not (age between 18 and 25) and not did('orders', within: 30d)", 2)] // A1 F1
    public void Count_OnTheAgeColumn_AgreesWithSqlAndTheHandCount(string rule, long expected)
    {
        EdgePersons();
        using var index = _f.Build();

        var (onIndex, inSql, plan) = _f.Count(index, rule);

        inSql.ShouldBe(expected, plan);
        onIndex.ShouldBe(inSql, plan);
        plan.ShouldNotContain("SCAN");
        // Every comparison reads the age column (age = 18.5 is nobody, no lookup; is null reads who has a birthday).
        if (!rule.Contains(" is ", StringComparison.Ordinal) && plan != "NONE")
            plan.ShouldContain(PlanBuilder.AgeCode + " ", customMessage: rule);
        plan.ShouldNotContain(PlanBuilder.BirthdayCode + " <", customMessage: rule);
        plan.ShouldNotContain(PlanBuilder.BirthdayCode + " >", customMessage: rule);
    }

    [Fact]
    public void AgeColumn_HoldsEachPersonsAge_OnTheRunsDate()
    {
        EdgePersons();
        using var index = _f.Build();

        // Worked by hand above: A0 18, A1 17, A2 18, B0 25, B1 24, B2 25, F0 18, F1 26; N0 has none.
        index.AgeAnchor.ShouldBe(AsOf);
        var ages = index.RangeIndex(PlanBuilder.AgeCode)!;
        ages.NotNull.Cardinality.ShouldBe(8);
        foreach (var (age, persons) in new[] { (17, 1), (18, 3), (24, 1), (25, 2), (26, 1) })
            ages.Range(RangeOperator.Equal, age).Cardinality.ShouldBe(persons, $"age {age}");
    }

    [Theory]
    [InlineData("2027-02-28", false)]
    [InlineData("2028-02-28", false)]
    [InlineData("2028-02-29", false)]
    [InlineData("2028-03-01", false)]
    [InlineData("2024-02-29", false)]
    [InlineData("2027-02-28", true)]
    [InlineData("2028-02-28", true)]
    [InlineData("2028-02-29", true)]
    [InlineData("2028-03-01", true)]
    [InlineData("2024-02-29", true)]
    public void Count_AtFebruaryAsOfs_AgreesWithSql(string asOfText, bool indexBuiltThen)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var n = 0;
        foreach (var a in new[] { 1, 4, 18, 25, 26 })
            foreach (var d in new[] { -1, 0, 1 })
                Person($"E{n++}", "上海", asOf.AddDays(-(int)Math.Ceiling(365.25m * a) + d));
        foreach (var year in new[] { 2000, 2004, 2008, 2024 })
            Person($"E{n++}", "北京", new DateOnly(year, 2, 29));
        Person($"E{n++}", "北京", null);
        // Built for a run on that date, the age column answers; built for the fixture's run, the birthday column.
        using var index = _f.Build(indexBuiltThen ? asOf.ToDateTime(new TimeOnly(8, 0)) : null);
        foreach (var a in new[] { 1, 4, 18, 25, 26 })
            foreach (var rule in new[] { $"age >= {a}", $"age > {a}", $"age = {a}", $"age < {a}", $"age <= {a}", $"not age = {a}" })
            {
                var (onIndex, inSql, plan) = _f.Count(index, rule, asOf.ToDateTime(new TimeOnly(23, 59)));
                onIndex.ShouldBe(inSql, $"{asOfText}: {rule}\n{plan}");
                plan.ShouldNotContain("SCAN", customMessage: rule);
                plan.ShouldContain((indexBuiltThen ? PlanBuilder.AgeCode : PlanBuilder.BirthdayCode) + " ", customMessage: rule);
            }
    }

    [Fact]
    public async Task Count_ARangeAskedForAgain_IsKeptInTheBackground_AndCountsTheSame()
    {
        EdgePersons();
        using var index = _f.Build();
        var (from, below) = (new RangeTest(RangeOperator.GreaterOrEqual, 18), new RangeTest(RangeOperator.Less, 25));
        const string Rule = "age >= 18 and age < 25 and 城市 = '上海'";

        // The first count compares the band within the rule; the second has it built in the background; later ones read it.
        var counts = new List<(long Index, long Sql, string Plan)> { _f.Count(index, Rule), _f.Count(index, Rule) };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        RoaringBitmap? kept;
        while ((kept = index.KeptRange(PlanBuilder.AgeCode, from, below)) is null && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, TestContext.Current.CancellationToken);
        counts.Add(_f.Count(index, Rule));

        kept.ShouldNotBeNull("the band asked for twice was never kept");
        kept.ToArray().ShouldBe(index.Range(PlanBuilder.AgeCode, from, below).ToArray());
        counts.Select(c => c.Index).ShouldAllBe(n => n == 1); // 18 to 24 in 上海: A0 (A2, B1, F0 are 北京; B0, B2 are 25)
        counts.ShouldAllBe(c => c.Index == c.Sql);

        // Once the kept answers are cleared (more ranges than it keeps), a count asking again has it kept again.
        for (var k = 0; k <= TagIndex.RangeResults; k++)
            index.Range(PlanBuilder.AgeCode, RangeOperator.GreaterOrEqual, 100 + k);
        _f.Count(index, Rule).Index.ShouldBe(1);
        waited.Restart();
        while ((kept = index.KeptRange(PlanBuilder.AgeCode, from, below)) is null && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, TestContext.Current.CancellationToken);
        kept.ShouldNotBeNull("the band was not kept again after the kept answers were cleared");
    }

    [Fact]
    public void Count_IndexWithoutBirthdayColumn_ScansAge()
    {
        EdgePersons();
        using var index = _f.Build();

        var (onIndex, inSql, plan) = _f.Count(new InMemoryTagIndex(index.All), "age >= 18");

        onIndex.ShouldBe(inSql);
        plan.ShouldContain("SCAN");
    }

    [Fact]
    public void Patch_AfterGoldenRecordChanges_EqualsARebuild()
    {
        EdgePersons();
        using var index = _f.Build();
        // A merge: A1 is merged into A0 (A0's golden birthday becomes A1's), B1 loses its birthday, N0 gets one.
        _f.Db.Execute("DELETE FROM dim_person WHERE oneid = 'A1'");
        _f.Db.Execute("DELETE FROM person_tags WHERE oneid = 'A1'");
        _f.Db.Execute("UPDATE dim_person SET birthday = DATE '2008-03-31' + 1 WHERE oneid = 'A0'");
        _f.Db.Execute("UPDATE dim_person SET birthday = NULL WHERE oneid = 'B1'");
        _f.Db.Execute("UPDATE dim_person SET birthday = DATE '1990-01-01' WHERE oneid = 'N0'");
        var patched = new PatchedTagIndex(index).With(IndexPatches.Read(_f.Db, ["A0", "A1", "B1", "N0"]));
        var rebuilt = Path.Combine(_f.Workspace.Root, "rebuilt.tcindex");
        TagIndexBuilder.BuildFrom(_f.Db, "person_tags", [], rebuilt, index.RunId, TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);
        using var rebuild = TagIndex.OpenFile(rebuilt);

        foreach (var rule in new[] { "age >= 18", "age < 18", "age = 18", "age is null", "age between 18 and 25", "age is not null" })
        {
            var (onPatched, inSql, plan) = _f.Count(patched, rule);
            onPatched.ShouldBe(inSql, $"{rule}\n{plan}");
            _f.Count(rebuild, rule).Index.ShouldBe(inSql, rule);
        }
        patched.HasValue(PlanBuilder.BirthdayCode).ToArray().ShouldBe(rebuild.HasValue(PlanBuilder.BirthdayCode).ToArray());
    }

    public void Dispose() => _f.Dispose();
}
