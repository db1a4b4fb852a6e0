using TagCenter.Core.Governance;

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// Found after the merge: Parquet exports are written by the engine without masking, so a caller without pii:read
/// could read unmasked values through them. They need pii:read; CSV stays open and masked.
/// </summary>
public sealed class SegmentsExportPiiTests(DemoWorkspace demo)
{
    [Fact]
    public async Task ParquetExport_NeedsPiiRead_CsvIsServedMasked()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var marketer = await server.ClientForAsync(Role.Marketer);
        var (status, problem) = await ApiServer.SendAsync(marketer, HttpMethod.Get, "/api/v1/segments/新客未下单/export?format=parquet");
        status.ShouldBe(403);
        problem.GetProperty("code").GetString().ShouldBe("pii_required");
        using var csv = await marketer.GetAsync(new Uri("/api/v1/segments/新客未下单/export?format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        ((int)csv.StatusCode).ShouldBe(200);
        using var parquet = await server.Client.GetAsync(new Uri("/api/v1/segments/新客未下单/export?format=parquet", UriKind.Relative), TestContext.Current.CancellationToken);
        ((int)parquet.StatusCode).ShouldBe(200); // the admin test client holds pii:read
    }
}
