using System.Text.Json;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// Deliveries obey business lines like the triggers that made them: a marketer of 电商 neither lists, filters by,
/// opens nor replays a delivery of a 门店 trigger — it answers as unknown (404), never a leak of its name or persons.
/// </summary>
public sealed class DeliveryLineTests(DemoWorkspace demo)
{
    private const string StoresTrigger = "新客引导";

    /// <summary>A demo segment nothing uses, so the review proposes it.</summary>
    private const string Unused = "18-25岁上海近30天未下单";

    private static List<(long Id, string Trigger)> Rows(JsonElement list) =>
        [.. list.EnumerateArray().Select(d => (d.GetProperty("id").GetInt64(), d.GetProperty("trigger").GetString()!))];

    [Fact]
    public async Task MarketerOfALine_SeesOnlyDeliveriesOfTriggersTheyCanSee()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        await File.AppendAllTextAsync(Path.Combine(root, "triggers", StoresTrigger + ".yaml"), "\nbusiness_line: 门店\n", TestContext.Current.CancellationToken);
        await using var server = await ApiServer.StartAsync(root);
        var online = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");
        var stores = await server.ClientForAsync(Role.Marketer, line: "门店", name: "wang");

        // The admin (no line) sees both kinds; the demo's run delivered messages for 新客引导 and others.
        var all = Rows(await server.GetJsonAsync("/api/v1/deliveries?limit=10000"));
        var hidden = all.Where(r => r.Trigger == StoresTrigger).ToList();
        hidden.ShouldNotBeEmpty();
        all.ShouldContain(r => r.Trigger != StoresTrigger);

        var (listed, seen) = await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/deliveries?limit=10000");
        listed.ShouldBe(200, seen.ToString());
        Rows(seen).ShouldBe([.. all.Where(r => r.Trigger != StoresTrigger)]);
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/deliveries?limit=3")).Body.GetArrayLength().ShouldBe(3);

        var (filtered, problem) = await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/deliveries?trigger=" + Uri.EscapeDataString(StoresTrigger));
        filtered.ShouldBe(404, problem.ToString());
        problem.ToString().ShouldNotContain(StoresTrigger + "\",");
        (await ApiServer.SendAsync(online, HttpMethod.Get, $"/api/v1/deliveries/{hidden[0].Id}")).Status.ShouldBe(404);
        (await ApiServer.SendAsync(online, HttpMethod.Post, $"/api/v1/deliveries/{hidden[0].Id}/replay")).Status.ShouldBe(404);
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/deliveries/dead")).Body.EnumerateArray()
            .ShouldAllBe(d => d.GetProperty("trigger").GetString() != StoresTrigger);

        // The 门店 marketer sees their line's deliveries and the company-wide ones.
        var (own, theirs) = await ApiServer.SendAsync(stores, HttpMethod.Get, "/api/v1/deliveries?limit=10000");
        own.ShouldBe(200, theirs.ToString());
        Rows(theirs).ShouldBe(all);
        (await ApiServer.SendAsync(stores, HttpMethod.Get, $"/api/v1/deliveries/{hidden[0].Id}")).Status.ShouldBe(200);
    }

    /// <summary>
    /// Experiments follow their segment's line, and the tag evaluation and review follow the tags' and segments':
    /// with 高价值沉默, 活跃度 and an unused segment moved to 门店, a marketer of 电商 sees neither the experiment on 高价值沉默, nor its
    /// arms' deliveries, nor 活跃度's evaluation, nor a review candidate of 门店 (活跃度, and the unused segment <see cref="Unused"/>).
    /// </summary>
    [Fact]
    public async Task MarketerOfALine_SeesOnlyExperimentsEvaluationAndReviewOfWhatTheyCanSee()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        foreach (var segment in new[] { "高价值沉默", Unused })
            await File.AppendAllTextAsync(Path.Combine(root, "segments", segment + ".yaml"), "\nbusiness_line: 门店\n", TestContext.Current.CancellationToken);
        var tags = Path.Combine(root, "tags", "行为.yaml");
        var text = await File.ReadAllTextAsync(tags, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(tags, text.Replace("    description: 活跃度分层\n", "    description: 活跃度分层\n    business_line: 门店\n", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        var (exit, output) = await Tagcenter.RunAsync(["apply", "-w", root, "--lang", "en"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        await using var server = await ApiServer.StartAsync(root);
        var online = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");
        const string experiment = "高价值沉默召回实验";

        static List<string> Names(JsonElement list, string property = "name") => [.. list.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
        Names(await server.GetJsonAsync("/api/v1/experiments")).ShouldContain(experiment);
        Names(await server.GetJsonAsync("/api/v1/activation/evaluation"), "tag").ShouldContain("活跃度");
        (await server.GetJsonAsync("/api/v1/deliveries?limit=10000")).EnumerateArray().ShouldContain(d => d.GetProperty("trigger").GetString()!.StartsWith("experiment/" + experiment + "/", StringComparison.Ordinal));

        Names((await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/experiments")).Body).ShouldNotContain(experiment);
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/experiments/" + Uri.EscapeDataString(experiment))).Status.ShouldBe(404);
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/deliveries?limit=10000")).Body.EnumerateArray()
            .ShouldAllBe(d => !d.GetProperty("trigger").GetString()!.StartsWith("experiment/", StringComparison.Ordinal));
        var evaluation = Names((await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/activation/evaluation")).Body, "tag");
        evaluation.ShouldNotContain("活跃度");
        evaluation.ShouldNotBeEmpty();
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/activation/evaluation?tag=" + Uri.EscapeDataString("活跃度"))).Status.ShouldBe(404);

        // The review: an admin's candidates include 门店's (the threshold makes every segment and tag one); the marketer's leave them out.
        const string everything = "/api/v1/activation/review?unused_days=0&min_coverage=1.1";
        static List<(string, string)> Candidates(JsonElement review) =>
            [.. review.GetProperty("candidates").EnumerateArray().Select(c => (c.GetProperty("kind").GetString()!, c.GetProperty("name").GetString()!))];
        var all = Candidates(await server.GetJsonAsync(everything));
        all.ShouldContain(("tag", "活跃度"));
        all.ShouldContain(("segment", Unused));
        var seen = Candidates((await ApiServer.SendAsync(online, HttpMethod.Get, everything)).Body);
        seen.ShouldBe([.. all.Where(c => c != ("tag", "活跃度") && c != ("segment", Unused))]);
    }
}
