using TagCenter.Web.Governance;

namespace TagCenter.Web.Tests.Governance;

/// <summary>The roles table against the README's security model, written out by hand.</summary>
public sealed class RoleMatrixTests
{
    [Fact]
    public void Rows_MatchTheSecurityModel()
    {
        RoleMatrix.Scopes.ShouldBe(["read", "write", "admin", "ingest"]);
        var rows = RoleMatrix.Rows().ToDictionary(r => r.Role);

        rows.Keys.ShouldBe(["admin", "analyst", "marketer", "viewer", "ingest"], ignoreOrder: true);
        rows["admin"].Holds.ShouldBe([true, true, true, true]);
        rows["analyst"].Holds.ShouldBe([true, true, false, false]);
        rows["marketer"].Holds.ShouldBe([true, true, false, false]);
        rows["viewer"].Holds.ShouldBe([true, false, false, false]);
        rows["ingest"].Holds.ShouldBe([false, false, false, true]);
        rows["analyst"].Reviews.ShouldBe(["tag", "segment", "trigger"]);
        rows["marketer"].Reviews.ShouldBe(["segment", "trigger"]);
        rows["viewer"].Reviews.ShouldBeEmpty();
    }
}
