using System.Text.Json;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>The review workflow: a draft shows its impact (the same figures the CLI gives), its author cannot approve it, another reviewer publishes it, all audited.</summary>
public sealed class DraftReviewTests(DemoWorkspace demo)
{
    private const string Segment = "name: 高活跃\nowner: 用户运营部\nrule: 活跃度 = '高'\n";

    [Fact]
    public async Task SegmentDraft_ShowsItsSize_RefusesSelfApproval_AndIsPublishedByAnotherReviewer()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        // The CLI first: the server holds the workspace database while it runs.
        var (exit, output) = await Tagcenter.RunAsync(["segment", "count", "活跃度 = '高'", "-w", root, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cliSize = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("size").GetInt64();
        await using var server = await ApiServer.StartAsync(root);
        var li = await server.ClientForAsync(Role.Marketer, name: "li");
        var wang = await server.ClientForAsync(Role.Analyst, name: "wang");

        var (status, created) = await ApiServer.SendAsync(li, HttpMethod.Post, "/api/v1/drafts", new { kind = "segment", name = "高活跃", yaml = Segment });
        status.ShouldBe(201, created.ToString());
        var id = created.GetProperty("id").GetString()!;
        var impact = created.GetProperty("impact").GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "高活跃");
        impact.GetProperty("action").GetString().ShouldBe("added");
        impact.GetProperty("size_before").ValueKind.ShouldBe(JsonValueKind.Null);
        impact.GetProperty("size_after").GetInt64().ShouldBe(cliSize);
        File.Exists(Path.Combine(root, "segments", "高活跃.yaml")).ShouldBeFalse();

        var (self, problem) = await ApiServer.SendAsync(li, HttpMethod.Post, $"/api/v1/drafts/{id}/approve");
        self.ShouldBe(403);
        problem.GetProperty("code").GetString().ShouldBe("self_approval");

        var (approved, result) = await ApiServer.SendAsync(wang, HttpMethod.Post, $"/api/v1/drafts/{id}/approve", new { note = "ok" });
        approved.ShouldBe(200, result.ToString());
        result.GetProperty("status").GetString().ShouldBe("approved");
        result.GetProperty("reviewer").GetString().ShouldBe("wang");
        (await File.ReadAllTextAsync(Path.Combine(root, "segments", "高活跃.yaml"), TestContext.Current.CancellationToken)).ShouldBe(Segment);
        (await ApiServer.SendAsync(wang, HttpMethod.Post, $"/api/v1/drafts/{id}/approve")).Status.ShouldBe(409);

        var audit = (await server.GetJsonAsync("/api/v1/audit")).GetProperty("entries").EnumerateArray()
            .Where(r => r.GetProperty("target").GetString() == "segment:高活跃").Select(r => (r.GetProperty("actor").GetString(), r.GetProperty("action").GetString())).ToList();
        audit.ShouldBe([("li", "draft.create"), ("wang", "draft.approve")]);
    }

    [Fact]
    public async Task TagDraft_ShowsPersonsChanging_AsThePlanDoes()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        var file = Path.Combine(root, "tags", "行为.yaml");
        var changed = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("近30天访问次数 >= 20 then", "近30天访问次数 >= 10 then", StringComparison.Ordinal);
        await using var server = await ApiServer.StartAsync(root);
        var wang = await server.ClientForAsync(Role.Analyst, name: "wang");
        var (status, created) = await ApiServer.SendAsync(wang, HttpMethod.Post, "/api/v1/drafts", new { kind = "tag", name = "行为.yaml", yaml = changed });
        status.ShouldBe(201, created.ToString());
        var tag = created.GetProperty("impact").GetProperty("tags").EnumerateArray().ShouldHaveSingleItem();
        tag.GetProperty("code").GetString().ShouldBe("activity_level");

        // The CLI's plan over a second copy with the file edited by hand gives the same count.
        using var other = new TempFolder();
        var second = demo.Copy(other);
        await File.WriteAllTextAsync(Path.Combine(second, "tags", "行为.yaml"), changed, TestContext.Current.CancellationToken);
        var (exit, output) = await Tagcenter.RunAsync(["plan", "-w", second, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var plan = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        var persons = plan.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "activity_level").GetProperty("persons_changing").GetInt64();
        persons.ShouldBeGreaterThan(0);
        tag.GetProperty("persons_changing").GetInt64().ShouldBe(persons);

        var marketer = await server.ClientForAsync(Role.Marketer);
        var (refused, problem) = await ApiServer.SendAsync(marketer, HttpMethod.Post, "/api/v1/drafts", new { kind = "tag", name = "行为.yaml", yaml = changed });
        refused.ShouldBe(403);
        problem.GetProperty("code").GetString().ShouldBe("role_forbidden");
    }

    [Fact]
    public async Task RuleNamingATagOfAnotherLine_IsAnUnknownName()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        var file = Path.Combine(root, "tags", "行为.yaml");
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(file, text.Replace("    description: 活跃度分层\n", "    description: 活跃度分层\n    business_line: 门店\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await using var server = await ApiServer.StartAsync(root);
        var online = await server.ClientForAsync(Role.Marketer, line: "电商");
        var yaml = "name: 高活跃\nbusiness_line: 电商\nrule: 活跃度 = '高'\n";
        var (status, problem) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts", new { kind = "segment", name = "高活跃", yaml });
        status.ShouldBe(422, problem.ToString());
        var message = problem.GetProperty("diagnostics")[0].GetProperty("message").GetString()!;
        message.ShouldContain("unknown name '活跃度'");
        message.ShouldNotContain("identity.golden"); // the hint for undeclared golden fields is not for a hidden tag
        // A name that does not exist gets no such hint either, so the hint does not tell a hidden tag from a missing name.
        var (_, missing) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts", new { kind = "segment", name = "高活跃", yaml = yaml.Replace("活跃度", "完全不存在", StringComparison.Ordinal) });
        missing.GetProperty("diagnostics")[0].GetProperty("message").GetString()!.ShouldNotContain("identity.golden");

        var store = await server.ClientForAsync(Role.Marketer, line: "门店");
        (await ApiServer.SendAsync(store, HttpMethod.Post, "/api/v1/drafts", new { kind = "segment", name = "高活跃", yaml = yaml.Replace("电商", "门店", StringComparison.Ordinal) }))
            .Status.ShouldBe(201);
        var (other, lineProblem) = await ApiServer.SendAsync(online, HttpMethod.Post, "/api/v1/drafts", new { kind = "segment", name = "x", yaml = "name: x\nrule: age > 30\n" });
        other.ShouldBe(403);
        lineProblem.GetProperty("code").GetString().ShouldBe("line_forbidden");
    }
}
