using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// /api/v1/triggers, /deliveries, /experiments, /activation on the demo: the same figures as the real CLI's
/// <c>--json</c>; replay of a dead letter; bad input answered 4xx with the yaml position; scopes.
/// </summary>
public sealed class ActivationEndpointsTests(DemoWorkspace demo)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CliAsync(params string[] args)
    {
        var (exit, output) = await Tagcenter.RunAsync([.. args, "--json", "--lang", "en"], Token);
        exit.ShouldBe(0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static void Same(JsonElement api, JsonElement cli) =>
        System.Text.Json.Nodes.JsonNode.Parse(api.GetRawText())!.ToJsonString().ShouldBe(System.Text.Json.Nodes.JsonNode.Parse(cli.GetRawText())!.ToJsonString());

    [Fact]
    public async Task Triggers_Experiments_Review_AreTheCliFigures()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var cliTriggers = await CliAsync("trigger", "list", "-w", root);
        var cliShow = await CliAsync("trigger", "show", "新客引导", "-w", root);
        var cliExperiment = await CliAsync("experiment", "show", "高价值沉默召回实验", "-w", root);
        var cliReview = await CliAsync("review", "-w", root);
        await using var server = await ApiServer.StartAsync(root);

        var triggers = await server.GetJsonAsync("/api/v1/triggers");
        triggers.GetArrayLength().ShouldBe(4);
        Same(triggers, cliTriggers);
        var show = await server.GetJsonAsync("/api/v1/triggers/" + Uri.EscapeDataString("新客引导"));
        Same(show.GetProperty("deliveries"), cliShow.GetProperty("deliveries"));
        show.GetProperty("deliveries").GetArrayLength().ShouldBe(20);
        show.GetProperty("counts").GetProperty("delivered").GetInt64().ShouldBe(
            cliTriggers.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "新客引导").GetProperty("deliveries").GetProperty("delivered").GetInt64());
        Same(await server.GetJsonAsync("/api/v1/experiments/" + Uri.EscapeDataString("高价值沉默召回实验")), cliExperiment);
        Same(await server.GetJsonAsync("/api/v1/activation/review?lang=en"), cliReview);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/triggers/" + Uri.EscapeDataString("没有"))).Status.ShouldBe(404);
    }

    [Fact]
    public async Task DeadLetter_Replay_BackToPending_Once_AndNeedsWrite()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        using (var store = DuckDb.Activation.SqliteActivationStore.Open(DuckDb.Activation.SqliteActivationStore.PathIn(root)))
        {
            // A webhook that failed every attempt (port 9 refuses connections).
            var at = TimeProvider.System.GetUtcNow();
            store.Enqueue(new DuckDb.Activation.OutboxItem
            {
                Key = "高价值沉默规模告警|p|o|0",
                Trigger = "高价值沉默规模告警",
                Person = "p",
                Occurrence = "o",
                Payload = "{}",
                CreatedAt = at,
                DueAt = at,
                Action = new Core.Activation.TriggerAction { Kind = Core.Activation.ActionKind.Webhook, Url = "http://127.0.0.1:9/hook", AllowLocal = true },
            }).ShouldBeTrue();
            var item = store.List(DuckDb.Activation.DeliveryStatus.Pending, 1).Single();
            store.DeadLetter(item.Id, 5, "connection refused", at);
        }
        await using var server = await ApiServer.StartAsync(root);
        var dead = await server.GetJsonAsync("/api/v1/deliveries/dead");
        var letter = dead.EnumerateArray().Single();
        var id = letter.GetProperty("id").GetInt64();
        letter.GetProperty("trigger").GetString().ShouldBe("高价值沉默规模告警");

        var viewer = await server.ClientForAsync(Core.Governance.Role.Viewer);
        (await ApiServer.SendAsync(viewer, HttpMethod.Post, $"/api/v1/deliveries/{id}/replay")).Status.ShouldBe(403);
        var (status, replayed) = await server.SendAsync(HttpMethod.Post, $"/api/v1/deliveries/{id}/replay");
        status.ShouldBe(200, replayed.ToString());
        replayed.GetProperty("status").GetString().ShouldBe("pending");
        replayed.GetProperty("attempts").GetInt32().ShouldBe(0);
        (await server.SendAsync(HttpMethod.Post, $"/api/v1/deliveries/{id}/replay")).Status.ShouldBe(409);
        (await server.SendAsync(HttpMethod.Post, "/api/v1/deliveries/999999999/replay")).Status.ShouldBe(404);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/deliveries?status=lost")).Status.ShouldBe(400);
        var mine = await server.GetJsonAsync("/api/v1/deliveries?trigger=" + Uri.EscapeDataString("高价值沉默规模告警"));
        mine.EnumerateArray().ShouldAllBe(d => d.GetProperty("trigger").GetString() == "高价值沉默规模告警");
    }

    [Theory]
    [InlineData("when:\n  enters: 不存在\naction: { task: { queue: q } }\n", 2, 11, "no segment named '不存在'")]
    [InlineData("when: { enters: 新客未下单 }\naction:\n  webhook: { url: \"ftp://crm.example.com/x\" }\n", 3, 0, "http")]
    [InlineData("when: { enters: 新客未下单 }\naction:\n  webhook: { url: \"http://127.0.0.1:5080/api/v1/ingest\" }\n", 3, 0, "")]
    [InlineData("when: { enters: 新客未下单 }\naction: { message: { template: hi } }\ncap: 0 per 7d\n", 3, 0, "cap '0 per 7d'")]
    [InlineData("when: { enters: 新客未下单 }\naction: { message: { template: hi } }\nquiet_hours: \"25:00-08:00\"\n", 3, 0, "")]
    public async Task ValidateTrigger_BadYaml_Is422_WithThePosition(string yaml, int line, int column, string message)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/triggers/validate", new { name = "坏", yaml }, "en");
        status.ShouldBe(422, problem.ToString());
        var d = problem.GetProperty("diagnostics")[0];
        d.GetProperty("line").GetInt32().ShouldBe(line, problem.ToString());
        if (column > 0)
            d.GetProperty("column").GetInt32().ShouldBe(column);
        d.GetProperty("message").GetString()!.ShouldContain(message);
        var (ok, _) = await server.SendAsync(HttpMethod.Post, "/api/v1/triggers/validate",
            new { name = "好", yaml = "when: { enters: 新客未下单 }\naction: { message: { template: hi } }\n" });
        ok.ShouldBe(200);
    }

    [Fact]
    public async Task CreateExperiment_ArmsOver100_Is422_ElseCreated()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var (bad, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/experiments",
            new { name = "过量", segment = "高价值沉默", arms = new[] { new { arm = "a", percent = 60 }, new { arm = "b", percent = 50 } }, goal_event = "orders" }, "en");
        bad.ShouldBe(422, problem.ToString());
        problem.GetProperty("diagnostics")[0].GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
        var (created, body) = await server.SendAsync(HttpMethod.Post, "/api/v1/experiments",
            new { name = "新实验", segment = "高价值沉默", arms = new[] { new { arm = "a", percent = 45 }, new { arm = "b", percent = 45 } }, goal_event = "orders" });
        created.ShouldBe(201, body.ToString());
        (await server.GetJsonAsync("/api/v1/experiments")).EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldContain("新实验");
        var results = await server.GetJsonAsync("/api/v1/experiments/" + Uri.EscapeDataString("新实验"));
        results.GetProperty("arms").GetArrayLength().ShouldBe(3); // a, b and the 10% holdout
        (await server.SendAsync(HttpMethod.Post, "/api/v1/experiments", new { name = "新实验", segment = "高价值沉默", arms = new[] { new { arm = "a", percent = 45 } }, goal_event = "orders" }))
            .Status.ShouldBe(409);
    }

    [Fact]
    public async Task OptOut_IsRecorded_AndBadBodyIs400()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var (status, body) = await server.SendAsync(HttpMethod.Post, "/api/v1/activation/opt-outs", new { person = "p1", category = "marketing" });
        status.ShouldBe(200, body.ToString());
        (await server.SendAsync(HttpMethod.Post, "/api/v1/activation/opt-outs", new { person = "p1" })).Status.ShouldBe(400);
        var state = (TagCenter.Server.Activation.ActivationState)server.App.Services.GetService(typeof(TagCenter.Server.Activation.ActivationState))!;
        state.Store.OptedOut("p1", "marketing").ShouldBeTrue();
    }
}
