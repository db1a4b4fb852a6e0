using System.Net;
using TagCenter.Client;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Client;

/// <summary>Drafts, users, keys and audit through the client: a marketer proposes, an analyst publishes; an admin manages keys and reads the audit.</summary>
public sealed class ClientGovernanceTests(DemoWorkspace demo)
{
    private const string Segment = "name: 高活跃\nowner: 用户运营部\nrule: 活跃度 = '高'\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADraft_ProposedByOne_IsPublishedByAnother_AndAudited()
    {
        using var folder = new TempFolder();
        var root = demo.Copy(folder);
        var cliSize = (await SegmentsCli.JsonAsync(root, "segment", "count", "活跃度 = '高'")).GetProperty("size").GetInt64();
        await using var server = await ApiServer.StartAsync(root);
        var li = new TagCenterClient(await server.ClientForAsync(Role.Marketer, name: "li"));
        var wang = new TagCenterClient(await server.ClientForAsync(Role.Analyst, name: "wang"));
        var admin = new TagCenterClient(server.Client);

        var draft = await li.Segments.ProposeAsync("高活跃", Segment, Cancel);
        draft.Status.ShouldBe("pending");
        draft.Impact.ShouldNotBeNull().Segments.Single(s => s.Name == "高活跃").SizeAfter.ShouldBe(cliSize);
        (await wang.Drafts.ListAsync("pending", Cancel)).ShouldContain(d => d.Id == draft.Id);
        var self = await Should.ThrowAsync<TagCenterApiException>(() => li.Drafts.ApproveAsync(draft.Id, cancellationToken: Cancel));
        (self.Status, self.Code).ShouldBe((HttpStatusCode.Forbidden, "self_approval"));

        var approved = await wang.Drafts.ApproveAsync(draft.Id, "ok", Cancel);
        (approved.Status, approved.Reviewer).ShouldBe(("approved", "wang"));
        (await li.Segments.GetAsync("高活跃", Cancel)).Segment.Rule.ShouldBe("活跃度 = '高'");
        (await li.Drafts.GetAsync(draft.Id, Cancel)).Status.ShouldBe("approved");
        var rejected = await li.Drafts.CreateAsync("segment", "高活跃", Segment.Replace("'高'", "'中'", StringComparison.Ordinal), Cancel);
        (await wang.Drafts.RejectAsync(rejected.Id, "no", Cancel)).Status.ShouldBe("rejected");

        var audit = await admin.Audit.ListAsync(cancellationToken: Cancel);
        audit.ShouldContain(e => e.Actor == "wang" && e.Target.Contains("高活跃"));
        var verified = await admin.Audit.VerifyAsync(Cancel);
        verified.Valid.ShouldBeTrue();
        verified.Count.ShouldBe(audit.Count);
    }

    [Fact]
    public async Task Keys_CreatedListedAndRevoked_UsersAdded()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var admin = new TagCenterClient(server.Client);

        var user = await admin.Users.CreateAsync("zhao", "viewer", "电商", cancellationToken: Cancel);
        (user.Role, user.BusinessLine, user.PiiRead).ShouldBe(("viewer", "电商", false));
        (await admin.Users.ListAsync(Cancel)).ShouldContain(u => u.Name == "zhao");
        var taken = await Should.ThrowAsync<TagCenterApiException>(() => admin.Users.CreateAsync("zhao", "viewer", cancellationToken: Cancel));
        taken.Code.ShouldBe("user_exists");

        var created = await admin.Keys.CreateAsync(user: "zhao", cancellationToken: Cancel);
        created.ShownOnce.ShouldBeTrue();
        created.Record.Role.ShouldBe("viewer");
        (await admin.Keys.ListAsync(Cancel)).ShouldContain(k => k.Id == created.Record.Id && k.RevokedAt == null);
        var zhao = new TagCenterClient(server.ClientWithKey(created.Key));
        (await zhao.Status.GetAsync(Cancel)).Stages.ShouldNotBeEmpty();

        await admin.Keys.RevokeAsync(created.Record.Id, Cancel);
        (await Should.ThrowAsync<TagCenterApiException>(() => zhao.Status.GetAsync(Cancel))).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.Keys.ListAsync(Cancel)).Single(k => k.Id == created.Record.Id).RevokedAt.ShouldNotBeNull();
    }
}
