using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>Members a page at a time, the CSV export and explain: the same persons as the CLI's <c>segment members|explain</c>.</summary>
public sealed class SegmentsMembersTests(DemoWorkspace demo)
{
    public static TheoryData<string> Segments => new() { "高价值沉默", "新客未下单", "18-25岁上海近30天未下单" };

    [Theory]
    [MemberData(nameof(Segments))]
    public async Task Members_PagedByCursor_CoverEveryMemberOnce(string segment)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "segment", "members", segment, "--limit", "100000");
        var expected = cli.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList();
        expected.Count.ShouldBe((int)cli.GetProperty("size").GetInt64());
        await using var server = await ApiServer.StartAsync(root);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await server.GetJsonAsync($"/api/v1/segments/{Uri.EscapeDataString(segment)}/members?page_size=7" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.GetProperty("size").GetInt64().ShouldBe(expected.Count);
            var members = page.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList();
            members.Count.ShouldBeLessThanOrEqualTo(7);
            seen.AddRange(members);
            cursor = page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 1000);
        seen.ShouldBe(expected); // every member, once, in the CLI's order
        pages.ShouldBe(Math.Max(1, (expected.Count + 6) / 7));
    }

    [Fact]
    public async Task Members_ETag_AnswersNotModified()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var path = "/api/v1/segments/" + Uri.EscapeDataString("高价值沉默") + "/members";
        using var first = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var tag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(tag);
        using var second = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        ((int)second.StatusCode).ShouldBe(304);
    }

    [Theory]
    [InlineData("page_size=0")]
    [InlineData("page_size=100001")]
    [InlineData("cursor=%%%")]
    [InlineData("as_of=yesterday-ish")]
    public async Task Members_WithABadQuery_Is400(string query)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/segments/" + Uri.EscapeDataString("高价值沉默") + "/members?" + query);
        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldStartWith(query.Split('=')[0] + ":");
    }

    [Fact]
    public async Task Export_Csv_HasOneRowPerMember()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "segment", "members", "新客未下单", "--limit", "100000");
        var expected = cli.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList();
        await using var server = await ApiServer.StartAsync(root);
        using var response = await server.Client.GetAsync(new Uri("/api/v1/segments/" + Uri.EscapeDataString("新客未下单") + "/export?format=csv&tags=" + Uri.EscapeDataString("生命周期阶段"), UriKind.Relative), TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("oneid,生命周期阶段");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(expected);
        lines.Skip(1).ShouldAllBe(l => l.EndsWith(",新客", StringComparison.Ordinal)); // the rule says 生命周期阶段 = '新客'
    }

    [Fact]
    public async Task Explain_EqualsTheClisExplain()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var member = (await SegmentsCli.JsonAsync(root, "segment", "members", "高价值沉默", "--limit", "1")).GetProperty("members")[0].GetString()!;
        var cli = await SegmentsCli.JsonAsync(root, "segment", "explain", "高价值沉默", member);
        await using var server = await ApiServer.StartAsync(root);
        var api = await server.GetJsonAsync($"/api/v1/segments/{Uri.EscapeDataString("高价值沉默")}/explain/{Uri.EscapeDataString(member)}");
        api.GetProperty("member").GetBoolean().ShouldBeTrue();
        api.GetProperty("stored").GetProperty("member").GetBoolean().ShouldBeTrue();
        api.GetProperty("oneid").GetString().ShouldBe(member);
        api.GetProperty("predicates").GetArrayLength().ShouldBe(cli.GetProperty("predicates").GetArrayLength());
        for (var i = 0; i < api.GetProperty("predicates").GetArrayLength(); i++)
        {
            api.GetProperty("predicates")[i].GetProperty("predicate").GetString().ShouldBe(cli.GetProperty("predicates")[i].GetProperty("predicate").GetString());
            api.GetProperty("predicates")[i].GetProperty("held").GetBoolean().ShouldBeTrue();
        }
    }
}
