using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/plan and /apply: the plan of <c>tagcenter plan --json</c>; apply publishes; a broken change is refused with 422.</summary>
public sealed class WorkspaceTests(DemoWorkspace demo)
{
    private const string NewTag = """

          测试购买单数:
            code: test_orders
            kind: value
            type: int
            description: 测试
            definition: 全部线上订单数
            owner: 测试
            rule: count('orders')
        """;

    [Fact]
    public async Task Plan_Then_Apply_RoundTrip()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        File.AppendAllText(Path.Combine(root, "tags", "交易.yaml"), NewTag.Replace("\n        ", "\n", StringComparison.Ordinal));
        var (exit, output) = await Tagcenter.RunAsync(["plan", "-w", root, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = JsonDocument.Parse(output).RootElement;

        await using var server = await ApiServer.StartAsync(root);
        var plan = await server.GetJsonAsync("/api/v1/plan");
        plan.GetProperty("blocked").GetBoolean().ShouldBeFalse();
        plan.GetProperty("applied").GetBoolean().ShouldBeFalse();
        var added = plan.GetProperty("changes").EnumerateArray().Single();
        added.GetProperty("action").GetString().ShouldBe("added");
        added.GetProperty("name").GetString().ShouldBe("测试购买单数");
        plan.GetProperty("changes").GetArrayLength().ShouldBe(cli.GetProperty("changes").GetArrayLength());

        var (status, applied) = await server.SendAsync(HttpMethod.Post, "/api/v1/apply");
        status.ShouldBe(200, applied.ToString());
        applied.GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await server.GetJsonAsync("/api/v1/plan")).GetProperty("changes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Plan_OnTheDemo_MatchesTheCli_AndHasNoChanges()
    {
        // The CLI reads a copy: a reading process locks the database file against the servers other tests start on demo.Root.
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var (exit, output) = await Tagcenter.RunAsync(["plan", "-w", cliCopy, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = JsonDocument.Parse(output).RootElement;
        await using var server = await ApiServer.StartAsync(demo.Root);
        var plan = await server.GetJsonAsync("/api/v1/plan");
        plan.GetProperty("changes").GetArrayLength().ShouldBe(0);
        plan.GetProperty("changes").GetArrayLength().ShouldBe(cli.GetProperty("changes").GetArrayLength());
        plan.GetProperty("as_of_source").GetString().ShouldBe(cli.GetProperty("as_of_source").GetString());
    }

    [Fact]
    public async Task Apply_OfABrokenTagFile_Is422_WithWhereItIsBroken_AndPublishesNothing()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        File.AppendAllText(Path.Combine(root, "tags", "交易.yaml"), NewTag.Replace("\n        ", "\n", StringComparison.Ordinal).Replace("count('orders')", "count('orders') +", StringComparison.Ordinal));
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/apply", language: "en");
        status.ShouldBe(422, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("workspace_invalid");
        var diagnostic = problem.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("file").GetString()!.ShouldContain("交易.yaml");
        diagnostic.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Apply_OfABrokenModelFile_Is422_WithWhereItIsBroken()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var file = Path.Combine(root, "models", "价值.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("kind: rfm", "kind: rfmm", StringComparison.Ordinal));
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/apply", language: "en");
        status.ShouldBe(422, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("workspace_invalid");
        var diagnostic = problem.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("file").GetString().ShouldBe("models/价值.yaml");
        diagnostic.GetProperty("line").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Apply_RemovingTheRfmModel_Is422_Naming忠诚用户WhichReadsItsTag()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        var file = Path.Combine(root, "models", "价值.yaml");
        var yaml = File.ReadAllText(file);
        var (from, to) = (yaml.IndexOf("  rfm:", StringComparison.Ordinal), yaml.IndexOf("  clv:", StringComparison.Ordinal));
        File.WriteAllText(file, yaml[..from] + yaml[to..]);
        await using var server = await ApiServer.StartAsync(root);
        var plan = await server.GetJsonAsync("/api/v1/plan");
        var removed = plan.GetProperty("models").EnumerateArray().Single();
        removed.GetProperty("action").GetString().ShouldBe("removed");
        removed.GetProperty("name").GetString().ShouldBe("rfm");
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/apply", language: "en");
        status.ShouldBe(422, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("plan_blocked");
        problem.GetProperty("detail").GetString()!.ShouldContain("忠诚用户");
        problem.GetProperty("diagnostics")[0].GetProperty("file").GetString().ShouldBe("models/价值.yaml");
    }

    [Fact]
    public async Task Plan_WithABadAsOf_Is400()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/plan?as_of=someday");
        status.ShouldBe(400);
        problem.GetProperty("code").GetString().ShouldBe("invalid_as_of");
    }
}
