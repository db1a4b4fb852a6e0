using System.Text.Json;
using TagCenter.Client;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Client;

/// <summary>Analysis, boards, models and plan through the typed client: the figures of the CLI's <c>--json</c> for the same question.</summary>
public sealed class ClientAnalysisTests(DemoWorkspace demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analyses_Boards_Models_AndPlan_AreTheClis()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // the CLI first: the server then holds the database
        var cliPortrait = await SegmentsCli.JsonAsync(root, "segment", "portrait", "高价值沉默", "--top", "15");
        var cliOverlap = await SegmentsCli.JsonAsync(root, "segment", "overlap", "新客未下单", "高价值沉默");
        var cliFunnel = await SegmentsCli.JsonAsync(root, "funnel", "app_start", "product_view", "add_to_cart", "order_paid", "--within", "7d", "--by", "city", "--top", "3");
        var cliPaths = await SegmentsCli.JsonAsync(root, "paths", "add_to_cart", "--depth", "2", "--top", "5");
        var cliConversion = await SegmentsCli.JsonAsync(root, "conversion", "--goal", "order_paid", "--within", "30d", "--by", "city");
        var cliBoard = await SegmentsCli.JsonAsync(root, "board", "show", "生命周期看板");
        var cliModels = await SegmentsCli.JsonAsync(root, "model", "list");
        var cliPlan = await SegmentsCli.JsonAsync(root, "plan");
        await using var server = await ApiServer.StartAsync(root);
        var client = new TagCenterClient(server.Client);

        var portrait = await client.Analysis.PortraitAsync(new PortraitRequest(Segment: "高价值沉默", Top: 15), Cancel);
        portrait.Rows.Select(r => $"{r.Code}={r.Value}:{r.InSegment}/{r.Overall}").ShouldBe(Array(cliPortrait, "rows").Select(r =>
            $"{r.GetProperty("code").GetString()}={r.GetProperty("value").GetString()}:{r.GetProperty("in_segment").GetInt64()}/{r.GetProperty("overall").GetInt64()}"));
        portrait.Rows.ShouldNotBeEmpty();

        var overlap = await client.Analysis.OverlapAsync(["新客未下单", "高价值沉默"], Cancel);
        overlap.Pairs.Select(p => (p.A, p.B, p.Both)).ShouldBe(Array(cliOverlap, "pairs").Select(p => (p.GetProperty("a").GetString()!, p.GetProperty("b").GetString()!, p.GetProperty("both").GetInt64())));

        var funnel = await client.Analysis.FunnelAsync(new FunnelRequest(["app_start", "product_view", "add_to_cart", "order_paid"], "7d", By: "city", Top: 3), Cancel);
        static string Steps(IEnumerable<long> persons) => string.Join(">", persons);
        Steps(funnel.Total.Steps.Select(s => s.Persons)).ShouldBe(Steps(Array(cliFunnel.GetProperty("total"), "steps").Select(s => s.GetProperty("persons").GetInt64())));
        funnel.Groups.Select(g => Steps(g.Steps.Select(s => s.Persons))).ShouldBe(
            Array(cliFunnel, "groups").Select(g => Steps(Array(g, "steps").Select(s => s.GetProperty("persons").GetInt64()))));
        funnel.Total.Steps[0].Persons.ShouldBeGreaterThan(0);

        var paths = await client.Analysis.PathsAsync(new PathsRequest("add_to_cart", Depth: 2, Top: 5), Cancel);
        paths.Anchors.ShouldBe(cliPaths.GetProperty("anchors").GetInt64());
        paths.Paths.Select(p => string.Join(">", p.Events) + "=" + p.Count).ShouldBe(
            Array(cliPaths, "paths").Select(p => string.Join(">", Array(p, "events").Select(e => e.GetString())) + "=" + p.GetProperty("count").GetInt64()));

        var conversion = await client.Analysis.ConversionAsync(new ConversionRequest("order_paid", "city", "30d"), Cancel);
        conversion.Groups.Select(g => $"{g.Value}:{g.Persons}/{g.Converted}").ShouldBe(
            Array(cliConversion, "groups").Select(g => $"{g.GetProperty("value").GetString()}:{g.GetProperty("persons").GetInt64()}/{g.GetProperty("converted").GetInt64()}"));

        var board = await client.Boards.GetAsync("生命周期看板", Cancel);
        board.Crowds.Select(c => (c.Crowd, c.Size)).ShouldBe(Array(cliBoard, "crowds").Select(c =>
            (c.GetProperty("crowd").GetString()!, c.GetProperty("size").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("size").GetInt64())));
        (await client.Boards.ListAsync(Cancel)).ShouldContain(b => b.Name == "生命周期看板");

        var models = await client.Models.ListAsync(Cancel);
        models.Select(m => (m.Model, m.VersionInUse)).ShouldBe(cliModels.EnumerateArray().Select(m =>
            (m.GetProperty("model").GetString()!, m.GetProperty("version_in_use").ValueKind == JsonValueKind.Null ? (int?)null : m.GetProperty("version_in_use").GetInt32())));
        models.Select(m => m.Published?.Status).ShouldBe(cliModels.EnumerateArray().Select(m => m.GetProperty("published").GetProperty("status").GetString()));
        models.ShouldNotBeEmpty();
        var model = await client.Models.GetAsync(models[0].Model, Cancel);
        model.Model.ShouldBe(models[0].Model);
        model.Published.ShouldNotBeNull().Status.ShouldBe(models[0].Published!.Status);
        model.Versions.Count.ShouldBeGreaterThan(0);

        var plan = await client.Workspace.PlanAsync(cancellationToken: Cancel);
        plan.Blocked.ShouldBe(cliPlan.GetProperty("blocked").GetBoolean());
        plan.Changes.Select(c => c.Code).ShouldBe(Array(cliPlan, "changes").Select(c => c.GetProperty("code").GetString()));
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) => e.GetProperty(name).EnumerateArray();
}
