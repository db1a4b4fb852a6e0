using TagCenter.Client;
using TagCenter.Web.Governance;

namespace TagCenter.Web.Tests.Governance;

/// <summary>Approve / Reject are offered to a reviewer only: pending draft, write scope, not the author, a role that may change that kind.</summary>
public sealed class DraftDecisionTests
{
    private static Draft Draft(string kind, string status = "pending", string author = "alice") =>
        new("d1", kind, "high_value", status, author, null, null, DateTimeOffset.UnixEpoch, null, "rule: x", null);

    private static CallerView Caller(string name, string? role, params string[] scopes) => new(name, role, scopes, null, false);

    [Theory]
    [InlineData("segment", "pending", "alice", "bob", "marketer", true)]
    [InlineData("trigger", "pending", "alice", "bob", "marketer", true)]
    [InlineData("tag", "pending", "alice", "bob", "marketer", false)] // a marketer does not review tags
    [InlineData("tag", "pending", "alice", "bob", "analyst", true)]
    [InlineData("segment", "pending", "alice", "alice", "admin", false)] // nobody approves their own draft
    [InlineData("segment", "approved", "alice", "bob", "admin", false)]
    [InlineData("segment", "rejected", "alice", "bob", "admin", false)]
    public void MayDecide_ByStatusAuthorAndRole(string kind, string status, string author, string caller, string role, bool expected) =>
        DraftDecision.MayDecide(Draft(kind, status, author), Caller(caller, role, "read", "write")).ShouldBe(expected);

    [Fact]
    public void MayDecide_ReadOnlyKey_Never() =>
        DraftDecision.MayDecide(Draft("segment"), Caller("bob", "viewer", "read")).ShouldBeFalse();
}
