using System.Net;
using TagCenter.Client;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Client;

/// <summary>Runs through the client: start, wait with progress until done, the history shows it; a bad request is the server's 400.</summary>
public sealed class ClientRunsTests(DemoWorkspace demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_StartedAndWaitedFor_Succeeds_AndIsInTheHistory()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var client = new TagCenterClient(server.Client);
        var before = (await client.Runs.ListAsync(cancellationToken: Cancel)).TagRuns.Count;

        var started = await client.Runs.StartAsync(RunRequest.Run(["近30天访问次数"]), Cancel);
        var seen = new List<RunView>();
        var done = await client.Runs.WaitAsync(started.Id, new SynchronousProgress(seen), TimeSpan.FromMilliseconds(50), Cancel);

        started.Kind.ShouldBe("run");
        done.Status.ShouldBe("succeeded", done.Error?.Message);
        done.Result.ShouldNotBeNull();
        seen.ShouldNotBeEmpty();
        seen[^1].ShouldBe(done);
        var raw = await server.GetJsonAsync("/api/v1/runs/" + started.Id);
        raw.GetProperty("status").GetString().ShouldBe("succeeded");
        var history = await client.Runs.ListAsync(cancellationToken: Cancel);
        history.ApiRuns.ShouldContain(r => r.Id == started.Id);
        history.TagRuns.Count.ShouldBe(before + 1);
        history.Loads.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Run_OfAnUnknownKind_Is400_InvalidKind()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var client = new TagCenterClient(server.Client);

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Runs.StartAsync(new RunRequest("bake"), Cancel));

        (e.Status, e.Code).ShouldBe((HttpStatusCode.BadRequest, "invalid_kind"));
    }

    private sealed class SynchronousProgress(List<RunView> seen) : IProgress<RunView>
    {
        public void Report(RunView value) => seen.Add(value);
    }
}
