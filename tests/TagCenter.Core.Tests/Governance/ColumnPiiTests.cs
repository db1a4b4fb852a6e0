using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Governance;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Governance;

public sealed class ColumnPiiTests
{
    [Fact]
    public void Columns_PiiDeclared_OrByTheirType()
    {
        var ws = WorkspaceLoader.Parse("""
            name: shop
            sources:
              crm:
                kind: csv
                path: data/crm.csv
                columns:
                  id: { required: true }
                  full_name: { pii: name }
                  home: { pii: address }
                  phone: { type: phone }
                  mail: email
                  city: city
            """, "/ws");
        ws.Sources[0].Columns.Select(c => (c.Name, c.EffectivePii)).ShouldBe(
            [("id", null), ("full_name", PiiKind.Name), ("home", PiiKind.Address), ("phone", PiiKind.Phone), ("mail", PiiKind.Email), ("city", null)]);
    }

    [Fact]
    public void Column_UnknownPiiKind_IsADiagnosticNamingTheKinds()
    {
        var e = Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse("""
            name: shop
            sources:
              crm:
                kind: csv
                path: data/crm.csv
                columns:
                  id: { required: true, pii: passport }
            """, "/ws"));
        e.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("id_number");
    }
}
