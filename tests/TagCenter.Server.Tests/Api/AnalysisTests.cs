using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>Portrait, overlap, funnel, paths, conversion and boards over the API: the CLI's <c>--json</c> figures; bad bodies are 400 naming the field.</summary>
public sealed class AnalysisTests(DemoWorkspace demo)
{
    private static string Seg(string name) => Uri.EscapeDataString(name);

    [Fact]
    public async Task Portrait_EqualsTheClisPortrait()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "segment", "portrait", "高价值沉默", "--top", "15");
        await using var server = await ApiServer.StartAsync(root);
        var (status, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/portrait", new { segment = "高价值沉默", top = 15 });
        status.ShouldBe(200, api.ToString());
        api.GetProperty("size").GetInt64().ShouldBe(cli.GetProperty("size").GetInt64());
        api.GetProperty("population").GetInt64().ShouldBe(cli.GetProperty("population").GetInt64());
        var rows = api.GetProperty("rows").EnumerateArray().Select(Row).ToList();
        rows.ShouldBe(cli.GetProperty("rows").EnumerateArray().Select(Row).ToList());
        rows.Count.ShouldBe(15);
    }

    [Fact]
    public async Task Portrait_OfTheSegmentsRule_EqualsThePortraitOfItsMembers()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (_, bySegment) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/portrait", new { segment = "高价值沉默", top = 10 });
        var (status, byRule) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/portrait", new { rule = "累计消费金额 > 3000 and 生命周期阶段 = '沉默'", top = 10 });
        status.ShouldBe(200, byRule.ToString());
        byRule.GetProperty("size").GetInt64().ShouldBe(bySegment.GetProperty("size").GetInt64());
        byRule.GetProperty("rows").EnumerateArray().Select(Row).ShouldBe(bySegment.GetProperty("rows").EnumerateArray().Select(Row));
        // In this segment everyone is 沉默: that row's share in the segment is 1.
        byRule.GetProperty("rows").EnumerateArray().ShouldContain(r => r.GetProperty("tag").GetString() == "生命周期阶段" && r.GetProperty("value").GetString() == "沉默" && r.GetProperty("segment_share").GetDouble() == 1.0);
    }

    private static string Row(JsonElement r) =>
        $"{r.GetProperty("code").GetString()}={r.GetProperty("value").GetString()}:{r.GetProperty("in_segment").GetInt64()}/{r.GetProperty("overall").GetInt64()}";

    [Fact]
    public async Task Overlap_EqualsTheClisOverlap()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "segment", "overlap", "新客未下单", "高价值沉默", "生命周期看板/新客");
        await using var server = await ApiServer.StartAsync(root);
        var api = await server.GetJsonAsync($"/api/v1/analysis/overlap?segments={Seg("新客未下单")}&segments={Seg("高价值沉默")},{Seg("生命周期看板/新客")}");
        string Pair(JsonElement p) => $"{p.GetProperty("a").GetString()}&{p.GetProperty("b").GetString()}={p.GetProperty("both").GetInt64()}:{p.GetProperty("jaccard").GetDouble():0.000000}";
        api.GetProperty("pairs").EnumerateArray().Select(Pair).ShouldBe(cli.GetProperty("pairs").EnumerateArray().Select(Pair));
        // 新客未下单 is 新客 and not did('orders', within: 30d): all of them are in 新客.
        var matrix = api.GetProperty("matrix");
        matrix[0][2].GetInt64().ShouldBe(matrix[0][0].GetInt64());
        matrix[1][0].GetInt64().ShouldBe(0); // 高价值 (spent over 3000) never is 新客 (never bought)
    }

    [Fact]
    public async Task Funnel_EqualsTheClisFunnel()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "funnel", "app_start", "product_view", "add_to_cart", "order_paid", "--within", "7d", "--by", "city", "--top", "3");
        await using var server = await ApiServer.StartAsync(root);
        var (status, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/funnel",
            new { steps = new[] { "app_start", "product_view", "add_to_cart", "order_paid" }, window = "7d", by = "city", top = 3 });
        status.ShouldBe(200, api.ToString());
        Steps(api.GetProperty("total")).ShouldBe(Steps(cli.GetProperty("total")));
        api.GetProperty("groups").EnumerateArray().Select(Steps).ShouldBe(cli.GetProperty("groups").EnumerateArray().Select(Steps));
    }

    [Fact]
    public async Task Funnel_OverASegment_EqualsTheClis()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "funnel", "app_start", "product_view", "--segment", "新客未下单");
        await using var server = await ApiServer.StartAsync(root);
        var (status, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/funnel", new { steps = new[] { "app_start", "product_view" }, segment = "新客未下单" });
        status.ShouldBe(200, api.ToString());
        Steps(api.GetProperty("total")).ShouldBe(Steps(cli.GetProperty("total")));
    }

    private static string Steps(JsonElement group) => (group.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : "·") + ": " +
        string.Join(" → ", group.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("event").GetString()} {s.GetProperty("persons").GetInt64()}"));

    [Fact]
    public async Task Paths_And_Conversion_EqualTheClis()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cliPaths = await SegmentsCli.JsonAsync(root, "paths", "add_to_cart", "--depth", "2", "--top", "5");
        var cliConversion = await SegmentsCli.JsonAsync(root, "conversion", "--goal", "order_paid", "--within", "30d", "--by", "city");
        await using var server = await ApiServer.StartAsync(root);
        var (status, paths) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/paths", new { @event = "add_to_cart", depth = 2, top = 5 });
        status.ShouldBe(200, paths.ToString());
        paths.GetProperty("anchors").GetInt64().ShouldBe(cliPaths.GetProperty("anchors").GetInt64());
        string Path(JsonElement p) => string.Join(">", p.GetProperty("events").EnumerateArray().Select(e => e.GetString())) + "=" + p.GetProperty("count").GetInt64();
        paths.GetProperty("paths").EnumerateArray().Select(Path).ShouldBe(cliPaths.GetProperty("paths").EnumerateArray().Select(Path));
        var (ok, conversion) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/conversion", new { goal = "order_paid", window = "30d", by = "city" });
        ok.ShouldBe(200, conversion.ToString());
        string Group(JsonElement g) => $"{g.GetProperty("value")}:{g.GetProperty("persons").GetInt64()}/{g.GetProperty("converted").GetInt64()}";
        conversion.GetProperty("groups").EnumerateArray().Select(Group).ShouldBe(cliConversion.GetProperty("groups").EnumerateArray().Select(Group));
        Group(conversion.GetProperty("total")).ShouldBe(Group(cliConversion.GetProperty("total")));
    }

    [Theory]
    [InlineData("""{"steps": ["app_start"]}""", "steps")]
    [InlineData("""{"steps": ["app_start", "product_view"], "window": "7x"}""", "window")]
    [InlineData("""{"steps": ["app_start", "product_view"], "window": "2mo"}""", "window")]
    [InlineData("""{"steps": ["app_start", "product_view", "ordr_paid"]}""", "steps[2]")]
    [InlineData("""{"steps": ["app_start", "product_view"], "by": "no_such_field"}""", "by")]
    [InlineData("""{"steps": ["app_start", "product_view"], "from": "not a date"}""", "from")]
    public async Task Funnel_WithABadBody_Is400_NamingTheField(string body, string field)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/analysis/funnel", body);
        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("invalid_field");
        problem.GetProperty("detail").GetString()!.ShouldStartWith(field + ":");
    }

    [Fact]
    public async Task Board_EqualsTheClisBoard()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "board", "show", "生命周期看板");
        await using var server = await ApiServer.StartAsync(root);
        var api = await server.GetJsonAsync("/api/v1/boards/" + Seg("生命周期看板"));
        string Crowd(JsonElement c) => $"{c.GetProperty("crowd").GetString()}={c.GetProperty("size")}";
        api.GetProperty("crowds").EnumerateArray().Select(Crowd).ShouldBe(cli.GetProperty("crowds").EnumerateArray().Select(Crowd));
        var list = await server.GetJsonAsync("/api/v1/boards");
        list.EnumerateArray().Single().GetProperty("crowds").GetArrayLength().ShouldBe(7);
        var (missing, _) = await server.SendAsync(HttpMethod.Get, "/api/v1/boards/nope");
        missing.ShouldBe(404);
    }
}
