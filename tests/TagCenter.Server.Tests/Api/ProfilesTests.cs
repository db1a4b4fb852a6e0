using System.Text;
using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/profiles/{identifier}: the person of <c>tagcenter profile --json</c> by any identifier, with tags, segments and events.</summary>
public sealed class ProfilesTests(DemoWorkspace demo)
{
    /// <summary>The phone of the first member in the demo's CRM file (GBK, as a Chinese CRM exports it), written as the file writes it.</summary>
    internal static string FirstMemberPhone(string root)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var line = File.ReadLines(Path.Combine(root, "data", "crm_members.csv"), Encoding.GetEncoding("GB18030")).Skip(1).First();
        return line.Split(',')[2];
    }

    [Fact]
    public async Task Profile_ByPhone_And_ByMemberNo_IsTheCliPerson()
    {
        var phone = FirstMemberPhone(demo.Root);
        using var cliTemp = new TempFolder();
        var cli = await TagsTests.CliJsonAsync(["profile", phone, "-w", demo.Copy(cliTemp), "--json"]);
        await using var server = await ApiServer.StartAsync(demo.Root);
        var api = await server.GetJsonAsync("/api/v1/profiles/" + Uri.EscapeDataString(phone) + "?events=1000&history=true");

        api.GetProperty("oneid").GetString().ShouldBe(cli.GetProperty("oneid").GetString());
        static List<string> Pairs(JsonElement e, string list, string a, string b) =>
            [.. e.GetProperty(list).EnumerateArray().Select(x => x.GetProperty(a).ToString() + "=" + x.GetProperty(b).ToString())];
        Pairs(api, "identifiers", "type", "value").ShouldBe(Pairs(cli, "identifiers", "type", "value"));
        Pairs(api, "golden", "field", "value").ShouldBe(Pairs(cli, "golden", "field", "value"));
        Pairs(api, "golden", "field", "source").ShouldBe(Pairs(cli, "golden", "field", "source"));
        Pairs(api, "tags", "tag", "value").ShouldBe(Pairs(cli, "tags", "tag", "value"));
        Pairs(api, "tags", "tag", "value").Count.ShouldBeGreaterThan(10);

        // Every event and order of the person (fewer than 1000), counted independently per fact table by the profile.
        var facts = cli.GetProperty("facts");
        long Rows(string fact) => facts.TryGetProperty(fact, out var n) ? n.GetInt64() : 0;
        api.GetProperty("events").GetArrayLength().ShouldBe((int)(Rows("events") + Rows("orders")));
        var times = api.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("at").GetDateTime()).ToList();
        times.ShouldBe(times.OrderDescending().ToList());
        api.GetProperty("tag_history").GetArrayLength().ShouldBeGreaterThanOrEqualTo(api.GetProperty("tags").EnumerateArray().Count(t => t.GetProperty("value").ValueKind != JsonValueKind.Null));

        var member = api.GetProperty("identifiers").EnumerateArray().First(i => i.GetProperty("type").GetString() == "member_no").GetProperty("value").GetString()!;
        (await server.GetJsonAsync("/api/v1/profiles/" + member)).GetProperty("oneid").GetString().ShouldBe(api.GetProperty("oneid").GetString());
        var few = await server.GetJsonAsync("/api/v1/profiles/" + member + "?events=3");
        few.GetProperty("events").GetArrayLength().ShouldBe(3);
        few.TryGetProperty("tag_history", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("zh-CN", "没有找到标识 13900000000")]
    [InlineData("en", "No person holds 13900000000")]
    public async Task UnknownPerson_Is404(string language, string detail)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/13900000000", language: language);
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("person_not_found");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Theory]
    [InlineData("?events=-1", "invalid_events")]
    [InlineData("?events=5000", "invalid_events")]
    [InlineData("?events=many", "invalid_events")]
    public async Task BadQuery_Is400(string query, string code)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/M10000000" + query);
        status.ShouldBe(400);
        problem.GetProperty("code").GetString().ShouldBe(code);
    }
}
