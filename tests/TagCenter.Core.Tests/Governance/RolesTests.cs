using Shouldly;
using TagCenter.Core.Governance;

namespace TagCenter.Core.Tests.Governance;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Role.Admin, "ingest,read,write,admin")]
    [InlineData(Role.Analyst, "read,write")]
    [InlineData(Role.Marketer, "read,write")]
    [InlineData(Role.Viewer, "read")]
    [InlineData(Role.Ingest, "ingest")]
    public void Scopes_FollowTheDocumentedMatrix(Role role, string scopes) =>
        string.Join(",", Roles.Scopes(role)).ShouldBe(scopes);

    [Theory]
    [InlineData("admin", Role.Admin)]
    [InlineData(" Marketer ", Role.Marketer)]
    [InlineData("superuser", null)]
    [InlineData(null, null)]
    public void Parse_KnownNamesOnly(string? text, Role? role) => Roles.Parse(text).ShouldBe(role);

    [Theory]
    [InlineData(Role.Marketer, "segment", true)]
    [InlineData(Role.Marketer, "tag", false)]
    [InlineData(Role.Analyst, "tag", true)]
    [InlineData(Role.Viewer, "segment", false)]
    [InlineData(Role.Marketer, "trigger", true)]
    [InlineData(Role.Viewer, "trigger", false)]
    [InlineData(Role.Ingest, "trigger", false)]
    public void MayChange_MarketersOnlySegmentsAndTriggers(Role role, string kind, bool may) => Roles.MayChange(role, kind).ShouldBe(may);

    [Fact]
    public void ApiKeys_AreLongRandomAndPrefixed()
    {
        var a = ApiKeyText.New();
        var b = ApiKeyText.New();
        a.ShouldStartWith("tc_");
        a.Length.ShouldBe(3 + 43); // 32 bytes in base64url without padding
        a.ShouldNotBe(b);
        ApiKeyText.Hash(a).Length.ShouldBe(64);
        // sha256("tc_x") computed with Python's hashlib.
        ApiKeyText.Hash("tc_x").ShouldBe("7018763eb8f8af8ef082de9b0f68097a8482f7a2182022218cc4563f220e2a49");
    }
}
