using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Identity;

public sealed class IdentityBlocklistTests
{
    private static WorkspaceDefinition Parse(string identity) => WorkspaceLoader.Parse("name: t\nsources: {}\nidentity:\n" + identity + "\n", Path.GetTempPath());

    [Fact]
    public void Parse_BlocklistList_AddsToDefaults()
    {
        var blocklist = Parse("  blocklist: [\"+8613900000000\"]").Identity.Blocklist;

        blocklist.ShouldContain("+8613900000000");
        blocklist.ShouldContain("test@test.com");
        blocklist.Count.ShouldBe(IdentityDefinition.DefaultBlocklist.Count + 1);
    }

    [Fact]
    public void Parse_BlocklistReplaceDefaults_OnlyTheWorkspaceValues()
    {
        Parse("  blocklist: { replace_defaults: true, values: [\"x\"] }").Identity.Blocklist.ShouldBe(["x"]);
    }

    [Fact]
    public void Parse_BlocklistMapWithoutReplace_AddsToDefaults()
    {
        var blocklist = Parse("  blocklist: { values: [\"x\", \"0\"] }").Identity.Blocklist;

        blocklist.Count.ShouldBe(IdentityDefinition.DefaultBlocklist.Count + 1);
        blocklist.ShouldContain("x");
    }

    [Fact]
    public void Parse_NoBlocklist_Defaults()
    {
        Parse("  max_component_size: 50").Identity.Blocklist.ShouldBe(IdentityDefinition.DefaultBlocklist);
    }

    [Fact]
    public void Parse_BlocklistUnknownKey_Diagnostic()
    {
        var error = Should.Throw<WorkspaceException>(() => Parse("  blocklist: { replace: true }"));

        error.Diagnostics.ShouldContain(d => d.Message.Contains("replace_defaults"));
    }
}
