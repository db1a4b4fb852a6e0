using System.Globalization;
using Shouldly;
using TagCenter.Core.Expressions;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>
/// Random persons whose order and event times fall on, just before and just after the edges of every window (and
/// after the as-of, and without a time), and random rules of <c>did</c> with <c>not</c>/<c>and</c>/<c>or</c> and a
/// tag: the index counts what SQL counts, and answers every window a whole number of days long without a scan.
/// </summary>
public sealed class DidAgreementTests
{
    private static readonly string[] Windows = ["1d", "2d", "7d", "30d", "45d", "1w", "2w", "1mo", "3mo", "1y", "2y", "24h", "48h"];
    private static readonly string[] Facts = ["orders", "page_view", "app_start", "events"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Count_RandomRules_IndexAgreesWithSql(int seed)
    {
        var random = new Random(seed);
        using var f = new DidIndexFixture(handRows: false);
        var asOf = DidIndexFixture.AsOf;
        for (var p = 0; p < 60; p++)
        {
            var id = $"P{p:D2}";
            f.Db.Execute("INSERT INTO dim_person VALUES ($1, $2)", id, random.Next(2) == 0 ? "上海" : "北京");
            for (var n = random.Next(4); n > 0; n--)
                f.Db.Execute("INSERT INTO fact_orders VALUES ($1, $2, 1)", id, Time(random, asOf));
            for (var n = random.Next(4); n > 0; n--)
                f.Db.Execute("INSERT INTO fact_events VALUES ($1, $2, $3)", id, Time(random, asOf), random.Next(2) == 0 ? "page_view" : "app_start");
        }
        using var index = f.Build();
        for (var i = 0; i < 40; i++)
        {
            var rule = Rule(random, 2);
            var (onIndex, inSql, plan) = f.Count(index, rule);
            onIndex.ShouldBe(inSql, $"{rule}\n{plan}");
            plan.ShouldNotContain("SCAN", customMessage: rule);
        }
    }

    /// <summary>A time on an edge of some window (exactly, 1 µs either side, some hours either side), after the as-of, or none.</summary>
    private static DateTime? Time(Random random, DateTime asOf)
    {
        if (random.Next(12) == 0)
            return null;
        if (random.Next(12) == 0)
            return asOf.AddHours(random.Next(1, 48));
        var edge = Durations.Before(asOf, Window(Windows[random.Next(Windows.Length)]));
        return random.Next(4) switch
        {
            0 => edge,
            1 => edge.AddTicks(10),
            2 => edge.AddTicks(-10),
            _ => edge.AddHours(random.Next(-30, 30)),
        };
    }

    private static Window Window(string text)
    {
        var digits = new string([.. text.TakeWhile(char.IsDigit)]);
        return new Window(int.Parse(digits, CultureInfo.InvariantCulture), Durations.Unit(text[digits.Length..])!.Value);
    }

    private static string Rule(Random random, int depth)
    {
        if (depth == 0 || random.Next(3) == 0)
        {
            if (random.Next(5) == 0)
                return "城市 = '上海'";
            var fact = Facts[random.Next(Facts.Length)];
            return random.Next(5) == 0 ? $"did('{fact}')" : $"did('{fact}', within: {Windows[random.Next(Windows.Length)]})";
        }
        return random.Next(3) switch
        {
            0 => $"not ({Rule(random, depth - 1)})",
            1 => $"({Rule(random, depth - 1)}) and ({Rule(random, depth - 1)})",
            _ => $"({Rule(random, depth - 1)}) or ({Rule(random, depth - 1)})",
        };
    }
}
