using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Workspace;

/// <summary>Top-level settings (paths outside the workspace, time zone) and the YAML mistakes people make.</summary>
public sealed class WorkspaceSettingsTests
{
    private static WorkspaceException Fails(string yaml) =>
        Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse(yaml, "/ws"));

    private static string Source(string path) => $"sources:\n  crm:\n    kind: csv\n    path: {path}\n    columns: {{ id: {{}} }}\n";

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../../x.csv")]
    [InlineData("data/../../x.csv")]
    public void Parse_PathOutsideWorkspace_DiagnosticAtPath(string path)
    {
        var e = Fails(Source(path));

        var d = e.Diagnostics.ShouldHaveSingleItem();
        (d.Line, d.Column).ShouldBe((4, 11));
        d.Message.ShouldContain("outside the workspace");
        d.Message.ShouldContain("allow_paths_outside: true");
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../shared/x.csv")]
    public void Parse_PathOutsideAllowed_Accepted(string path)
    {
        var ws = WorkspaceLoader.Parse("allow_paths_outside: true\n" + Source(path), "/ws");

        ws.AllowPathsOutside.ShouldBeTrue();
        ws.Sources.ShouldHaveSingleItem().Path.ShouldBe(path);
    }

    [Theory]
    [InlineData("data/x.csv")]
    [InlineData("./x.csv")]
    [InlineData("data/../x.csv")]
    public void Parse_PathInsideWorkspace_Accepted(string path) =>
        WorkspaceLoader.Parse(Source(path), "/ws").Sources.ShouldHaveSingleItem();

    [Fact]
    public void Parse_NoTimezone_Shanghai() =>
        WorkspaceLoader.Parse(Source("a.csv"), "/ws").TimeZone.Id.ShouldBe("Asia/Shanghai");

    [Fact]
    public void Parse_Timezone_Read()
    {
        var ws = WorkspaceLoader.Parse("timezone: Europe/Paris\n" + Source("a.csv"), "/ws");

        ws.TimeZone.Id.ShouldBe("Europe/Paris");
        ws.TimeZone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)).ShouldBe(TimeSpan.FromHours(1));
    }

    [Theory]
    [InlineData("Asia/Shangai", "did you mean 'Asia/Shanghai'")]
    [InlineData("Beijing", "IANA")]
    public void Parse_UnknownTimezone_DiagnosticWithHint(string zone, string hint)
    {
        var e = Fails($"timezone: {zone}\n" + Source("a.csv"));

        var d = e.Diagnostics.ShouldHaveSingleItem();
        (d.Line, d.Column).ShouldBe((1, 11));
        d.Message.ShouldContain($"'{zone}'");
        d.Message.ShouldContain(hint);
    }

    [Fact]
    public void Parse_TabIndentation_RealPositionAndHint()
    {
        var e = Fails("name: x\nsources:\n  crm:\n\tkind: csv\n");

        var d = e.Diagnostics.ShouldHaveSingleItem();
        d.Line.ShouldBe(4, d.ToString());
        d.Column.ShouldBe(1);
        d.Message.ShouldContain("tab");
        d.Message.ShouldContain("spaces");
    }

    [Fact]
    public void Parse_UnclosedBrace_RealMessageAtTheBrace()
    {
        var e = Fails("name: x\nsources:\n  crm: { kind: csv, path: a.csv\n  other: 1\n");

        var d = e.Diagnostics.ShouldHaveSingleItem();
        d.Message.ShouldNotContain("Operation is not valid");
        d.Message.ShouldContain("'{'");
        d.Line.ShouldBe(3);
        d.Column.ShouldBe(8);
    }

    [Fact]
    public void Parse_UnquotedColonInValue_SaysQuoteIt()
    {
        var e = Fails("name: x\nsources:\n  crm:\n    kind: csv\n    description: 注意: 来自 CRM\n    path: a.csv\n    columns: { id: {} }\n");

        var d = e.Diagnostics.ShouldHaveSingleItem();
        d.Line.ShouldBe(5);
        d.Message.ShouldContain("quote");
        d.Message.ShouldContain(">-");
    }
}
