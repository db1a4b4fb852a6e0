using Microsoft.Extensions.DependencyInjection;
using TagCenter.Server.Hosting;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// An index opened after events were applied (a restart, a reload after an apply) lays over its file the activity
/// columns (<c>did()</c>) of every person whose fact rows arrived since the index's run (<c>ActivityPatches.Since</c>):
/// it answers as the index that was patched batch by batch did.
/// </summary>
public sealed class ActivitySinceTests(DemoWorkspace demo) : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIndexOpenedAfterEventsWereApplied_HasTheirActivity_AsThePatchedIndexDid()
    {
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var host = server.Api.App.Services.GetRequiredService<WorkspaceHost>();
        await server.IdentifyAsync("u-since");
        // Three days before the demo's as-of: inside the windows the activity columns answer for.
        var at = new DateTimeOffset(RealtimeDemo.DemoAsOf.AddDays(-3), TimeSpan.FromHours(8));
        (await server.PostAsync("/v1/batch", Bodies.Bytes($$$"""
            {"batch":[{"type":"track","event":"app_start","userId":"u-since","messageId":"since-1","timestamp":"{{{at:O}}}"}],"writeKey":"{{{IngestServer.Key}}}"}
            """))).Status.ShouldBe(200);
        await server.SettledAsync();
        (await server.CountAsync("SELECT count(*) FROM fact_events f JOIN identity_map m ON m.oneid = f.oneid WHERE m.type = 'user_id' AND m.value = 'u-since' AND f.event = 'app_start' AND f._source = 'sdk_events'"))
            .ShouldBe(1L, "the event was applied to the person");

        var (file, patched) = await host.ReadAsync((db, _) =>
        {
            var index = host.Index(db)!;
            return (RealtimeDidTests.Lookups(index.Base), RealtimeDidTests.Lookups(index));
        }, Ct);
        patched.ShouldNotBe(file, "the event changed the person's activity: the case under test");

        host.ReloadIndex();
        var reopened = await host.ReadAsync((db, _) => RealtimeDidTests.Lookups(host.Index(db)!), Ct);

        reopened.ShouldBe(patched);
    }

    public void Dispose() => _temp.Dispose();
}
