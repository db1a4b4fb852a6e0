using System.Net;
using System.Text;
using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/tags: the tree, the dictionary (JSON, CSV, ETag), one tag, explain — the figures of the CLI's <c>--json</c>.</summary>
public sealed class TagsTests(DemoWorkspace demo)
{
    private const string Tag = "客单价";

    [Fact]
    public async Task Tree_And_Dictionary_HoldTheTagsOfTheCli()
    {
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var cli = await CliJsonAsync(["tags", "-w", cliCopy, "--json"]);
        var cliCodes = cli.EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        cliCodes.Count.ShouldBeGreaterThan(15);
        await using var server = await ApiServer.StartAsync(demo.Root);

        var tree = await server.GetJsonAsync("/api/v1/tags");
        var treeCodes = tree.EnumerateArray().SelectMany(d => d.GetProperty("themes").EnumerateArray())
            .SelectMany(th => th.GetProperty("tags").EnumerateArray()).Select(t => t.GetProperty("code").GetString()).ToList();
        treeCodes.Order().ShouldBe(cliCodes.Order());
        var aov = tree.EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "交易").GetProperty("themes").EnumerateArray()
            .Single(th => th.GetProperty("theme").GetString() == "消费").GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("name").GetString() == Tag);
        aov.GetProperty("path").GetString().ShouldBe("交易/消费/客单价");
        aov.GetProperty("owner").GetString().ShouldBe("会员运营部");

        var dictionary = await server.GetJsonAsync("/api/v1/tags/dictionary");
        dictionary.EnumerateArray().Select(t => t.GetProperty("code").GetString()).ShouldBe(cliCodes);
    }

    [Fact]
    public async Task DictionaryCsv_IsTheFileTheCliWrites()
    {
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var (exit, output) = await Tagcenter.RunAsync(["tags", "dictionary", "-w", cliCopy, "--out", cliTemp.Path], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var file = await File.ReadAllBytesAsync(Path.Combine(cliTemp.Path, "tag-dictionary.csv"), TestContext.Current.CancellationToken);
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var response = await server.Client.GetAsync(new Uri("/api/v1/tags/dictionary?format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Encoding.UTF8.GetString(body).ShouldBe(Encoding.UTF8.GetString(file));

        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/tags/dictionary?format=xml");
        status.ShouldBe(400);
        problem.GetProperty("code").GetString().ShouldBe("invalid_format");
    }

    [Fact]
    public async Task Tree_WithTheCurrentETag_Is304()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var first = await server.Client.GetAsync(new Uri("/api/v1/tags", UriKind.Relative), TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tags", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await server.Client.SendAsync(again, TestContext.Current.CancellationToken);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/tags/dictionary", UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(etag); // the tree's tag is not the dictionary's
        using var changed = await server.Client.SendAsync(stale, TestContext.Current.CancellationToken);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task OneTag_HasTheCliDistribution_Lineage_AndCoverage()
    {
        using var cliTemp = new TempFolder();
        using var cliTemp2 = new TempFolder();
        var cli = await CliJsonAsync(["tag", "show", Tag, "-w", demo.Copy(cliTemp), "--json"]);
        await using var server = await ApiServer.StartAsync(demo.Root);
        var api = await server.GetJsonAsync("/api/v1/tags/" + Uri.EscapeDataString(Tag));

        api.GetProperty("persons").GetInt64().ShouldBe(cli.GetProperty("persons").GetInt64());
        static List<(string?, long)> Distribution(JsonElement e) =>
            [.. e.GetProperty("distribution").EnumerateArray().Select(d => (d.GetProperty("value").GetString(), d.GetProperty("persons").GetInt64()))];
        Distribution(api).ShouldBe(Distribution(cli));
        var edges = api.GetProperty("lineage").GetProperty("edges").EnumerateArray().Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString())).ToList();
        edges.ShouldContain(("tag:累计消费金额", "tag:客单价"));
        edges.ShouldContain(("source:orders", "table:fact_orders"));
        edges.ShouldContain(("column:fact_orders.status", "tag:客单价"));

        // Coverage of the last run: persons holding a value, counted over the history; the CLI's distribution of an
        // enum tag (every value listed) counts the same persons from person_tags.
        var stage = await TagsTests.CliJsonAsync(["tag", "show", "生命周期阶段", "-w", demo.Copy(cliTemp2), "--json"]);
        var coverage = (await server.GetJsonAsync("/api/v1/tags/" + Uri.EscapeDataString("生命周期阶段"))).GetProperty("coverage");
        coverage.GetArrayLength().ShouldBeGreaterThan(0);
        var last = coverage.EnumerateArray().Last();
        last.GetProperty("with_value").GetInt64().ShouldBe(Distribution(stage).Where(d => d.Item1 is not null).Sum(d => d.Item2));
        last.GetProperty("persons").GetInt64().ShouldBe(stage.GetProperty("persons").GetInt64());
    }

    [Theory]
    [InlineData("zh-CN", "未知标签 'nope'")]
    [InlineData("en", "unknown tag 'nope'")]
    public async Task UnknownTag_Is404(string language, string detail)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/tags/nope", language: language);
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("tag_not_found");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task Explain_GivesTheCliValue_AndAnUnknownPersonIs404()
    {
        var phone = ProfilesTests.FirstMemberPhone(demo.Root);
        using var cliTemp = new TempFolder();
        var cli = await CliJsonAsync(["tag", "explain", Tag, phone, "-w", demo.Copy(cliTemp), "--json"]);
        await using var server = await ApiServer.StartAsync(demo.Root);
        var api = await server.GetJsonAsync($"/api/v1/tags/{Uri.EscapeDataString(Tag)}/explain/{Uri.EscapeDataString(phone)}");
        api.GetProperty("oneid").GetString().ShouldBe(cli.GetProperty("oneid").GetString());
        api.GetProperty("stored").ToString().ShouldBe(cli.GetProperty("stored").ToString());
        api.GetProperty("computed").ToString().ShouldBe(cli.GetProperty("computed").ToString());
        api.GetProperty("aggregates").GetArrayLength().ShouldBe(cli.GetProperty("aggregates").GetArrayLength());

        var (status, problem) = await server.SendAsync(HttpMethod.Get, $"/api/v1/tags/{Uri.EscapeDataString(Tag)}/explain/nobody", language: "en");
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("person_not_found");
    }

    internal static async Task<JsonElement> CliJsonAsync(string[] args)
    {
        var (exit, output) = await Tagcenter.RunAsync(args, TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
