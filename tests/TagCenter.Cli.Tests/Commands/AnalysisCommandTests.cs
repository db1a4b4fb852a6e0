using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>funnel, paths and conversion end to end on a small demo workspace: output shape, population wiring, bad input and exit codes.</summary>
public sealed class AnalysisCommandTests
{
    private static readonly Lazy<Task<string>> Workspace = new(async () =>
    {
        var dir = CliRunner.TempDir();
        var demo = await CliRunner.RunAsync("demo", "-w", dir, "--persons", "300", "--lang", "en");
        demo.ExitCode.ShouldBe(0, demo.Err);
        return dir;
    });

    private static async Task<(int ExitCode, string Out, string Err)> Run(params string[] args) =>
        await CliRunner.RunAsync([.. args, "-w", await Workspace.Value]);

    [Fact]
    public async Task Funnel_prints_steps_and_json()
    {
        var text = await Run("funnel", "app_start", "product_view", "add_to_cart", "order_paid", "--within", "7d", "--lang", "en");
        text.ExitCode.ShouldBe(0, text.Err);
        text.Out.ShouldContain("order_paid");
        text.Out.ShouldContain("From first");
        var json = await Run("funnel", "app_start", "product_view", "order_paid", "--by", "city", "--top", "3", "--json");
        json.ExitCode.ShouldBe(0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var persons = doc.RootElement.GetProperty("total").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("persons").GetInt64()).ToList();
        persons.Count.ShouldBe(3);
        persons.ShouldBe(persons.OrderByDescending(p => p).ToList()); // nobody reaches a step without the one before
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
        groups.Count(g => g.GetProperty("kind").GetString() == "value").ShouldBeLessThanOrEqualTo(3);
        groups.Sum(g => g.GetProperty("steps")[0].GetProperty("persons").GetInt64()).ShouldBe(persons[0]); // the groups partition the entries
    }

    [Fact]
    public async Task A_rule_restricts_the_funnel_to_its_persons()
    {
        var json = await Run("funnel", "app_start", "product_view", "--by", "city", "--rule", "city = '上海'", "--json");
        json.ExitCode.ShouldBe(0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var groups = doc.RootElement.GetProperty("groups").EnumerateArray().ToList();
        groups.Select(g => g.GetProperty("value").GetString()).ShouldBe(["上海"]);
        groups[0].GetProperty("steps")[0].GetProperty("persons").GetInt64()
            .ShouldBe(doc.RootElement.GetProperty("total").GetProperty("steps")[0].GetProperty("persons").GetInt64());
    }

    [Fact]
    public async Task AsOf_cuts_the_events_read_and_segment_restricts_the_funnel()
    {
        // The demo's events are all in 2025–2026: as of 2020 nobody has started the funnel.
        var before = await Run("funnel", "app_start", "product_view", "--as-of", "2020-01-01", "--json");
        before.ExitCode.ShouldBe(0, before.Err);
        using (var doc = JsonDocument.Parse(before.Out))
            doc.RootElement.GetProperty("total").GetProperty("steps")[0].GetProperty("persons").GetInt64().ShouldBe(0);

        // A segment's members are a subset of everyone; both at once is a usage error.
        var all = await Run("funnel", "app_start", "product_view", "--json");
        var segment = await Run("funnel", "app_start", "product_view", "--segment", "新客未下单", "--json");
        segment.ExitCode.ShouldBe(0, segment.Err);
        long Entries(string json)
        {
            using var d = JsonDocument.Parse(json);
            return d.RootElement.GetProperty("total").GetProperty("steps")[0].GetProperty("persons").GetInt64();
        }
        Entries(segment.Out).ShouldBeLessThan(Entries(all.Out));
        (await Run("funnel", "app_start", "product_view", "--segment", "新客未下单", "--rule", "city = '上海'")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Paths_and_conversion_run()
    {
        var paths = await Run("paths", "add_to_cart", "--depth", "2", "--top", "3", "--json");
        paths.ExitCode.ShouldBe(0, paths.Err);
        using (var doc = JsonDocument.Parse(paths.Out))
            doc.RootElement.GetProperty("paths").GetArrayLength().ShouldBeLessThanOrEqualTo(3);
        var previous = await Run("paths", "order_paid", "--previous", "--lang", "en");
        previous.ExitCode.ShouldBe(0, previous.Err);
        previous.Out.ShouldContain("[order_paid]");
        var conversion = await Run("conversion", "--goal", "order_paid", "--within", "30d", "--by", "gender", "--json");
        conversion.ExitCode.ShouldBe(0, conversion.Err);
        using var c = JsonDocument.Parse(conversion.Out);
        var groups = c.RootElement.GetProperty("groups").EnumerateArray().ToList();
        groups.Sum(g => g.GetProperty("persons").GetInt64()).ShouldBe(c.RootElement.GetProperty("total").GetProperty("persons").GetInt64());
        groups.Sum(g => g.GetProperty("converted").GetInt64()).ShouldBe(c.RootElement.GetProperty("total").GetProperty("converted").GetInt64());
    }

    [Theory]
    [InlineData(1, "usage", "funnel", "app_start")]                                     // one step
    [InlineData(1, "usage", "funnel", "app_start", "order_paid", "--within", "7x")]     // bad window
    [InlineData(1, "usage", "funnel", "app_start", "order_paid", "--within", "2mo")]    // no fixed length
    [InlineData(1, "usage", "funnel", "app_start", "order_paid", "--from", "2026-10-31", "--to", "2026-10-01")]
    [InlineData(1, "usage", "paths", "app_start", "--depth", "0")]
    [InlineData(1, "usage", "funnel", "app_start", "order_paid", "--rule", "cty = 1")]  // a rule that does not compile
    [InlineData(4, "not_found", "funnel", "app_start", "add_to_crat")]                  // unknown event
    [InlineData(4, "not_found", "funnel", "app_start", "order_paid", "--by", "ctiy")]   // unknown dimension
    [InlineData(4, "not_found", "conversion", "--goal", "order_payed", "--by", "city")]
    public async Task Bad_input_is_a_clear_error(int exit, string code, params string[] args)
    {
        var result = await Run([.. args, "--json"]);
        result.ExitCode.ShouldBe(exit, result.Err);
        using var doc = JsonDocument.Parse(result.Err);
        doc.RootElement.GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Unknown_events_are_listed_with_a_suggestion_in_both_languages()
    {
        var en = await Run("funnel", "app_start", "add_to_crat", "--lang", "en");
        en.Err.ShouldContain("did you mean 'add_to_cart'");
        en.Err.ShouldContain("product_view"); // the known events
        var zh = await Run("funnel", "app_start", "--lang", "zh");
        zh.Err.ShouldContain("漏斗至少需要两个步骤");
        var by = await Run("funnel", "app_start", "order_paid", "--by", "ctiy", "--lang", "en");
        by.Err.ShouldContain("did you mean 'city'");
    }
}
