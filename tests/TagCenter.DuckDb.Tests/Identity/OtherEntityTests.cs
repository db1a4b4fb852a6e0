using Shouldly;
using TagCenter.DuckDb.Identity;

namespace TagCenter.DuckDb.Tests.Identity;

public sealed class OtherEntityTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    [Fact]
    public async Task Run_StoreEntity_OwnDimensionAndIdsWithoutMergingShoppers()
    {
        _workspace.WithFile("pos.csv", "receipt,store,phone\nR1,SH001,13800138001\nR2,SH001,13900139002\nR3,BJ001,13800138001\nR4,BJ001,\n")
            .WithYaml("""
                entities:
                  store: { description: 门店 }
                identifiers:
                  store_code: { entity: store }
                sources:
                  pos:
                    kind: csv
                    path: pos.csv
                    fact: store_sales
                    columns:
                      receipt: { required: true }
                      store: { identifier: store_code }
                      phone: { type: phone, identifier: phone }
                """);
        await _workspace.LoadAsync("pos");

        var report = new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System).Run();

        report.Persons.ShouldBe(2); // two shoppers at one store stay two people
        _workspace.Rows("SELECT identified_by FROM dim_store ORDER BY identified_by").ShouldBe([["store_code:BJ001"], ["store_code:SH001"]]);
        var sales = _workspace.Rows("SELECT receipt, oneid IS NOT NULL, store_oneid FROM fact_store_sales ORDER BY receipt");
        sales.Select(r => r[1]).ShouldBe([true, true, true, false]);
        sales[0][2].ShouldBe(sales[1][2]);
        ((string)sales[0][2]!).ShouldStartWith("S");
        sales[2][2].ShouldBe(sales[3][2]);
    }

    public void Dispose() => _workspace.Dispose();
}
