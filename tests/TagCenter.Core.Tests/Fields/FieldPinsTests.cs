using Shouldly;
using TagCenter.Core.Fields;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Fields;

public sealed class FieldPinsTests
{
    private static FieldProfile Profile(string column, FieldClass @class) => new()
    {
        Stats = new FieldStats { Table = "src_crm", Column = column, SqlType = "VARCHAR", Rows = 10, Nulls = 0, Distinct = 5, DistinctExact = true },
        Source = "crm",
        Usage = FieldUsage.None,
        Class = @class,
        Evidence = ["coverage 100 %"],
    };

    [Fact]
    public void Apply_PinAgainstTheEvidence_PinWinsAndTheDisagreementIsShown()
    {
        var ws = WorkspaceLoader.Parse("""
            sources:
              crm:
                kind: csv
                path: crm.csv
                columns: { member_no: {}, remark: {}, level: {} }
            fields:
              crm.remark: core
              crm.level: { class: auxiliary, note: 下季度用于会员标签 }
            """, "/ws");

        var fields = FieldPins.Apply([Profile("member_no", FieldClass.Core), Profile("remark", FieldClass.Auxiliary), Profile("level", FieldClass.Auxiliary)], ws);

        fields[0].Pin.ShouldBeNull();
        fields[1].Class.ShouldBe(FieldClass.Core);
        fields[1].EvidenceClass.ShouldBe(FieldClass.Auxiliary);
        fields[1].PinDisagrees.ShouldBeTrue();
        fields[2].PinDisagrees.ShouldBeFalse();
        fields[2].Evidence.ShouldContain("下季度用于会员标签");
    }
}
