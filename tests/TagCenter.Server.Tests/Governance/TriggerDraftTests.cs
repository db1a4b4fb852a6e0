using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// Triggers are drafts like tags and segments: proposed through the API, approved by someone else, then written to
/// <c>triggers/&lt;name&gt;.yaml</c>, every step audited; a trigger belongs to company-wide or a business line, and a
/// marketer of a line drafts only their line's triggers, on segments and tags they can see.
/// </summary>
public sealed class TriggerDraftTests(DemoWorkspace demo)
{
    private const string Welcome = "name: 电商欢迎\nbusiness_line: 电商\nwhen:\n  enters: 新客未下单\naction:\n  message: { template: \"欢迎！（{person}）\" }\n";

    [Fact]
    public Task TriggerDraft_IsWrittenOnlyWhenAnotherReviewerApproves_AndAudited() => ApproveAsync(null);

    /// <summary>The same on a PostgreSQL control store (CI; skipped, and said so, without TAGCENTER_TEST_PG).</summary>
    [Fact]
    public async Task TriggerDraft_OnPostgres() =>
        await ApproveAsync(await PostgresControlStoreTests.NewSchemaAsync("tc_trg_" + Guid.NewGuid().ToString("N")[..12]));

    private async Task ApproveAsync(string? store)
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        await using var server = await ApiServer.StartAsync(root, store: store);
        var li = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");
        var zhao = await server.ClientForAsync(Role.Marketer, line: "电商", name: "zhao");
        var file = Path.Combine(root, "triggers", "电商欢迎.yaml");

        var (status, created) = await ApiServer.SendAsync(li, HttpMethod.Post, "/api/v1/drafts", new { kind = "trigger", name = "电商欢迎", yaml = Welcome });
        status.ShouldBe(201, created.ToString());
        created.GetProperty("kind").GetString().ShouldBe("trigger");
        File.Exists(file).ShouldBeFalse();
        var id = created.GetProperty("id").GetString()!;
        (await ApiServer.SendAsync(li, HttpMethod.Post, $"/api/v1/drafts/{id}/approve")).Status.ShouldBe(403);
        File.Exists(file).ShouldBeFalse();

        var (approved, result) = await ApiServer.SendAsync(zhao, HttpMethod.Post, $"/api/v1/drafts/{id}/approve");
        approved.ShouldBe(200, result.ToString());
        (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).ShouldBe(Welcome);
        var audit = (await server.GetJsonAsync("/api/v1/audit")).GetProperty("entries").EnumerateArray()
            .Where(r => r.GetProperty("target").GetString() == "trigger:电商欢迎").Select(r => (r.GetProperty("actor").GetString(), r.GetProperty("action").GetString())).ToList();
        audit.ShouldBe([("li", "draft.create"), ("zhao", "draft.approve")]);

        // The CLI reads the published trigger with the rest.
        var (exit, output) = await Tagcenter.RunAsync(["trigger", "list", "-w", root, "--lang", "en"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        output.ShouldContain("电商欢迎");
    }

    [Fact]
    public async Task MarketerOfALine_DraftsOnlyTheirLinesTriggers_OnWhatTheySee()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        var segment = Path.Combine(root, "segments", "高价值沉默.yaml");
        await File.AppendAllTextAsync(segment, "\nbusiness_line: 门店\n", TestContext.Current.CancellationToken);
        await using var server = await ApiServer.StartAsync(root);
        var online = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");
        var stores = await server.ClientForAsync(Role.Marketer, line: "门店", name: "chen");

        var (other, problem) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts",
            new { kind = "trigger", name = "x", yaml = Welcome.Replace("business_line: 电商", "business_line: 门店", StringComparison.Ordinal) });
        other.ShouldBe(403, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("line_forbidden");

        var hidden = Welcome.Replace("新客未下单", "高价值沉默", StringComparison.Ordinal);
        var (unknown, diagnostics) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts", new { kind = "trigger", name = "电商欢迎", yaml = hidden });
        unknown.ShouldBe(422, diagnostics.ToString());
        diagnostics.GetProperty("diagnostics")[0].GetProperty("message").GetString()!.ShouldContain("高价值沉默");
        (await ApiServer.SendAsync(stores, HttpMethod.Post, "/api/v1/drafts",
            new { kind = "trigger", name = "门店召回", yaml = hidden.Replace("电商", "门店", StringComparison.Ordinal) })).Status.ShouldBe(201);

        var (created, draft) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts", new { kind = "trigger", name = "电商欢迎", yaml = Welcome });
        created.ShouldBe(201, draft.ToString());
        var (_, seen) = await ApiServer.SendAsync(stores, HttpMethod.Get, "/api/v1/drafts");
        seen.EnumerateArray().Select(d => d.GetProperty("name").GetString()).ShouldBe(["门店召回"]);
        (await ApiServer.SendAsync(stores, HttpMethod.Get, "/api/v1/drafts/" + draft.GetProperty("id").GetString())).Status.ShouldBe(404);
    }

    [Fact]
    public async Task ViewerCannotDraftATrigger_AndABadTriggerIs422()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        var viewer = await server.ClientForAsync(Role.Viewer);
        (await ApiServer.SendAsync(viewer, HttpMethod.Post, "/api/v1/drafts", new { kind = "trigger", name = "t", yaml = Welcome })).Status.ShouldBe(403);
        var (status, problem) = await ApiServer.SendAsync(server.Client, HttpMethod.Post, "/api/v1/drafts",
            new { kind = "trigger", name = "t", yaml = "name: t\nwhen:\n  enters: 新客未下单\n  leaves: 新客未下单\naction:\n  message: { template: x }\n" });
        status.ShouldBe(422, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("workspace_invalid");
    }

    /// <summary>Reading triggers obeys lines too: another line's trigger is neither listed nor shown (404, as unknown).</summary>
    [Fact]
    public async Task MarketerOfALine_ListsAndShowsOnlyCompanyWideAndTheirLinesTriggers()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        var stores = Welcome.Replace("电商欢迎", "门店欢迎", StringComparison.Ordinal).Replace("business_line: 电商", "business_line: 门店", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(root, "triggers", "门店欢迎.yaml"), stores, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "triggers", "电商欢迎.yaml"), Welcome, TestContext.Current.CancellationToken);
        await using var server = await ApiServer.StartAsync(root);
        var online = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");

        static List<string> Names(System.Text.Json.JsonElement list) => [.. list.EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];
        var all = Names(await server.GetJsonAsync("/api/v1/triggers"));
        all.ShouldContain("门店欢迎");
        all.ShouldContain("电商欢迎");
        var (listed, seen) = await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/triggers");
        listed.ShouldBe(200, seen.ToString());
        Names(seen).ShouldBe([.. all.Where(n => n != "门店欢迎")]);
        var (shown, problem) = await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/triggers/" + Uri.EscapeDataString("门店欢迎"));
        shown.ShouldBe(404, problem.ToString());
        (await ApiServer.SendAsync(online, HttpMethod.Get, "/api/v1/triggers/" + Uri.EscapeDataString("电商欢迎"))).Status.ShouldBe(200);
    }
}
