using System.Text.Json;
using TagCenter.Client;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Client;

/// <summary>The typed client over the real server (TestServer over the demo): its figures are the CLI's <c>--json</c> for the same question.</summary>
public sealed class ClientReadTests(DemoWorkspace demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_Tags_AndProfile_AreTheClis()
    {
        using var cliTemp = new TempFolder();
        var cliRoot = demo.Copy(cliTemp); // the CLI reads a copy: a reading process locks the database file
        var cliStatus = await SegmentsCli.JsonAsync(cliRoot, "status");
        var cliTags = await SegmentsCli.JsonAsync(cliRoot, "tags");
        var cliTag = await SegmentsCli.JsonAsync(cliRoot, "tag", "show", "客单价");
        var phone = ProfilesTests.FirstMemberPhone(demo.Root);
        var cliProfile = await SegmentsCli.JsonAsync(cliRoot, "profile", phone);
        await using var server = await ApiServer.StartAsync(demo.Root);
        var client = new TagCenterClient(server.Client);

        var status = await client.Status.GetAsync(Cancel);
        status.Sources.Select(s => (s.Source, s.Read, s.Loaded, s.Quarantined)).ShouldBe(
            cliStatus.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("source").GetString()!, Long(s, "read"), Long(s, "loaded"), Long(s, "quarantined"))));
        status.Sources.Count.ShouldBeGreaterThan(3);
        status.Stages.Select(s => s.Stage).ShouldBe(["sources", "identity", "tags"]);

        var cliCodes = cliTags.EnumerateArray().Select(t => t.GetProperty("code").GetString()).Order().ToList();
        cliCodes.Count.ShouldBeGreaterThan(15);
        (await client.Tags.DictionaryAsync(Cancel)).Select(t => t.Code).Order().ShouldBe(cliCodes);
        (await client.Tags.TreeAsync(Cancel)).SelectMany(d => d.Themes).SelectMany(t => t.Tags).Select(t => t.Code).Order().ShouldBe(cliCodes);
        (await client.Tags.DictionaryCsvAsync(Cancel)).ShouldContain("客单价");

        var tag = await client.Tags.GetAsync("客单价", Cancel);
        tag.Persons.ShouldBe(cliTag.GetProperty("persons").GetInt64());
        tag.Distribution.Select(d => (d.Value, d.Persons)).ShouldBe(
            cliTag.GetProperty("distribution").EnumerateArray().Select(d => (d.GetProperty("value").GetString(), d.GetProperty("persons").GetInt64())));
        tag.Lineage.Edges.ShouldContain(new LineageEdge("tag:累计消费金额", "tag:客单价"));

        var profile = await client.Profiles.GetAsync(phone, history: true, events: 5, cancellationToken: Cancel);
        profile.Oneid.ShouldBe(cliProfile.GetProperty("oneid").GetString());
        profile.Tags.Select(t => t.Tag + "=" + t.Value).ShouldBe(cliProfile.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tag").GetString() + "=" + t.GetProperty("value")));
        profile.Events.Count.ShouldBe(5);
        profile.TagHistory.ShouldNotBeNull();
        var member = profile.Identifiers.First(i => i.Type == "member_no").Value!;
        (await client.Profiles.GetAsync(member, cancellationToken: Cancel)).Oneid.ShouldBe(profile.Oneid);
        (await client.Profiles.FindAsync("13900000000", cancellationToken: Cancel)).ShouldBeNull();

        var explained = await client.Tags.ExplainAsync("客单价", phone, cancellationToken: Cancel);
        explained.OneId.ShouldBe(profile.Oneid);
        explained.Stored.ShouldBe(profile.Tags.Single(t => t.Tag == "客单价").Value);
    }

    [Fact]
    public async Task Segments_List_Count_Members_AndExplain_AreTheClis()
    {
        const string rule = "累计消费金额 > 3000 and 生命周期阶段 = '沉默'";
        using var cliTemp = new TempFolder();
        var cliRoot = demo.Copy(cliTemp);
        var cliList = await SegmentsCli.JsonAsync(cliRoot, "segment", "list");
        var cliCount = await SegmentsCli.JsonAsync(cliRoot, "segment", "count", rule);
        await using var server = await ApiServer.StartAsync(demo.Root);
        var client = new TagCenterClient(server.Client);

        var list = await client.Segments.ListAsync(Cancel);
        var cliSegments = Items(cliList).Select(s => (s.GetProperty("name").GetString()!, Long(s, "size") ?? -1)).ToList();
        cliSegments.Count.ShouldBeGreaterThanOrEqualTo(3);
        list.Select(s => (s.Name, s.Size ?? -1)).Order().ShouldBe(cliSegments.Order());

        var count = await client.Segments.CountAsync(rule, Cancel);
        count.Size.ShouldBe(cliCount.GetProperty("size").GetInt64());
        count.Persons.ShouldBe(cliCount.GetProperty("persons").GetInt64());

        // Every member once, over pages of 7, as many as the segment's size and the same as one big page from the raw endpoint.
        var largest = list.OrderByDescending(s => s.Size).First();
        largest.Size.ShouldNotBeNull();
        largest.Size.Value.ShouldBeGreaterThan(7);
        var pages = new List<MembersPage>();
        await foreach (var page in client.Segments.MembersAsync(largest.Name, pageSize: 7, cancellationToken: Cancel))
            pages.Add(page);
        var members = pages.SelectMany(p => p.Members).ToList();
        pages.Count.ShouldBe((int)((largest.Size.Value + 6) / 7));
        var raw = await server.GetJsonAsync("/api/v1/segments/" + Uri.EscapeDataString(largest.Name) + "/members?page_size=10000");
        members.ShouldBe(raw.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        members.Count.ShouldBe((int)largest.Size.Value);

        var detail = await client.Segments.GetAsync(largest.Name, Cancel);
        detail.Segment.Size.ShouldBe(largest.Size);
        (await client.Segments.TrendAsync(largest.Name, Cancel)).Runs.Count.ShouldBe(detail.Runs.Count);
        var explanation = await client.Segments.ExplainAsync(largest.Name, members[0]!, Cancel);
        explanation.Member.ShouldBeTrue();
        explanation.Stored.ShouldNotBeNull().Member.ShouldBeTrue();

        await using var csv = await client.Segments.ExportAsync(largest.Name, cancellationToken: Cancel);
        using var reader = new StreamReader(csv);
        var lines = (await reader.ReadToEndAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(members.Count + 1); // the header, then one line per member
    }

    private static long? Long(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt64();

    private static IEnumerable<JsonElement> Items(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : e.GetProperty("segments").EnumerateArray();
}
