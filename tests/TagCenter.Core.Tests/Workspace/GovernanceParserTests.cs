using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Workspace;

/// <summary>The field whitelist pinned by hand (<c>fields:</c>) and the tag naming convention (<c>conventions:</c>).</summary>
public sealed class GovernanceParserTests
{
    private const string Sources = """
        sources:
          crm:
            kind: csv
            path: crm.csv
            columns: { member_no: {}, remark: {} }
          orders:
            kind: csv
            path: orders.csv
            fact: orders
            columns: { order_id: {}, amount: { type: decimal } }

        """;

    private static WorkspaceException Fails(string yaml)
    {
        Texts.Current = Language.En;
        return Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse(Sources + yaml, "/ws"));
    }

    [Fact]
    public void Parse_Fields_PinsReadBothForms()
    {
        var ws = WorkspaceLoader.Parse(Sources + "fields:\n  crm.remark: redundant\n  fact_orders.amount: { class: core, note: 财务对账 }\n", "/ws");

        ws.FieldPins.ShouldBe([new FieldPin("crm", "remark", FieldClass.Redundant, null), new FieldPin("fact_orders", "amount", FieldClass.Core, "财务对账")]);
    }

    [Theory]
    [InlineData("fields:\n  crn.remark: core\n", 12, 3, "did you mean 'crm'")]
    [InlineData("fields:\n  crm.remak: core\n", 12, 3, "did you mean 'remark'")]
    [InlineData("fields:\n  crm.remark: importnt\n", 12, 15, "core, auxiliary or redundant")]
    [InlineData("conventions:\n  tags:\n    code_pattern: \"^[a-z(\"\n", 13, 19, "not a valid regular expression")]
    [InlineData("conventions:\n  tags:\n    required: [ownr]\n", 13, 15, "did you mean 'owner'")]
    [InlineData("conventions:\n  tags:\n    path_depth: 0\n", 13, 17, "from 1 to 10")]
    public void Parse_BadGovernance_DiagnosticAtThePlace(string yaml, int line, int column, string message)
    {
        var d = Fails(yaml).Diagnostics.ShouldHaveSingleItem();

        (d.Line, d.Column).ShouldBe((line, column));
        d.Message.ShouldContain(message);
    }

    [Fact]
    public void Parse_Conventions_Read()
    {
        var ws = WorkspaceLoader.Parse(Sources + "conventions:\n  tags:\n    path_depth: 2\n    code_pattern: '^[a-z][a-z0-9_]*$'\n    name_max_length: 10\n    required: [owner, definition]\n", "/ws");

        ws.TagConvention.PathDepth.ShouldBe(2);
        ws.TagConvention.CodePattern!.IsMatch("visits_30d").ShouldBeTrue();
        ws.TagConvention.NameMaxLength.ShouldBe(10);
        ws.TagConvention.Required.ShouldBe(["owner", "definition"]);
    }
}
