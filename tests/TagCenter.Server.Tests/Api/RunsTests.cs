using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/runs: a run started over the API gives the figures of <c>tagcenter run --json</c>; one run at a time; cancel; bad bodies.</summary>
public sealed class RunsTests(DemoWorkspace demo)
{
    private const string AsOf = "2026-11-01";

    [Fact]
    public async Task PostRun_Finishes_WithTheFiguresOfTheCli()
    {
        using var temp = new TempFolder();
        var apiCopy = demo.Copy(temp);
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var (exit, output) = await Tagcenter.RunAsync(["run", "-w", cliCopy, "--as-of", AsOf, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = JsonDocument.Parse(output).RootElement.GetProperty("run");

        await using var server = await ApiServer.StartAsync(apiCopy);
        using var response = await server.Client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { kind = "run", as_of = AsOf }, TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(202);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
        response.Headers.Location!.ToString().ShouldBe("/api/v1/runs/" + id);
        var done = await WaitAsync(server, id);
        done.GetProperty("status").GetString().ShouldBe("succeeded", done.ToString());
        var api = done.GetProperty("result").GetProperty("run");

        api.GetProperty("persons").GetInt64().ShouldBeGreaterThanOrEqualTo(DemoWorkspace.Persons); // OneIDs: at least the generated people
        api.GetProperty("persons").GetInt64().ShouldBe(cli.GetProperty("persons").GetInt64());
        var cliTags = cli.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("with_value").GetInt64());
        var apiTags = api.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("with_value").GetInt64());
        apiTags.Count.ShouldBeGreaterThan(10);
        apiTags.ShouldBe(cliTags);

        // The history lists it first, and the index was reloaded (the next run can start).
        var history = await server.GetJsonAsync("/api/v1/runs");
        history.GetProperty("tag_runs")[0].GetProperty("run_id").GetString().ShouldBe(api.GetProperty("run_id").GetString());
        history.GetProperty("api_runs")[0].GetProperty("id").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task SecondRun_WhileOneRuns_Is409_AndDelete_CancelsIt()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var host = server.App.Services.GetRequiredService<WorkspaceHost>();
        var release = new TaskCompletionSource();
        // Hold the writer so the run waits for it: it is "running" (queued on the writer) for as long as the test wants.
        var holding = host.WriteAsync((_, _) => release.Task.Wait(TimeSpan.FromMinutes(2), CancellationToken.None), TestContext.Current.CancellationToken);
        try
        {
            var (status, first) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", new { kind = "refresh" });
            status.ShouldBe(202);
            var id = first.GetProperty("id").GetString()!;
            first.GetProperty("status").GetString().ShouldBe("running");

            var (second, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", new { kind = "run" }, "en");
            second.ShouldBe(409);
            problem.GetProperty("code").GetString().ShouldBe("run_in_progress");
            problem.GetProperty("detail").GetString()!.ShouldContain(id);

            var (cancelled, view) = await server.SendAsync(HttpMethod.Delete, "/api/v1/runs/" + id);
            cancelled.ShouldBe(200);
            view.GetProperty("status").GetString().ShouldBe("cancelled");
            (await server.SendAsync(HttpMethod.Delete, "/api/v1/runs/" + id)).Status.ShouldBe(409);
        }
        finally
        {
            release.SetResult();
            await holding;
        }
        // Once it is over, a new run is accepted.
        var (again, next) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", new { kind = "run", as_of = AsOf });
        again.ShouldBe(202);
        (await WaitAsync(server, next.GetProperty("id").GetString()!)).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Shutdown_CancelsTheRunningRun()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var host = server.App.Services.GetRequiredService<WorkspaceHost>();
        var runs = server.App.Services.GetRequiredService<TagCenter.Server.Runs.BackgroundRuns>();
        var release = new TaskCompletionSource();
        var holding = host.WriteAsync((_, _) => release.Task.Wait(TimeSpan.FromMinutes(2), CancellationToken.None), TestContext.Current.CancellationToken);
        var (status, started) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", new { kind = "run", as_of = AsOf });
        status.ShouldBe(202);
        var stopping = server.App.StopAsync(TestContext.Current.CancellationToken);
        var run = runs.Find(started.GetProperty("id").GetString()!)!;
        // The server waits for the run to stop; the run stops without waiting for the writer it never got.
        await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        stopping.IsCompleted.ShouldBeTrue();
        run.Status.ShouldBe("cancelled");
        release.SetResult();
        await holding;
    }

    [Theory]
    [InlineData("""{"kind":"bake"}""", "invalid_kind")]
    [InlineData("""{"kind":5}""", "invalid_json")]
    [InlineData("""{"kind":"run","tags":"年龄段"}""", "invalid_json")]
    [InlineData("""{"kind":"run","as_of":"yesterday-ish"}""", "invalid_as_of")]
    [InlineData("""{"kind":"run","tags":["没有这个标签"]}""", "unknown_tag")]
    [InlineData("""{"kind":"refresh","tags":["城市"]}""", "invalid_body")]
    [InlineData("""{not json""", "invalid_json")]
    [InlineData("null", "invalid_body")]
    public async Task BadBody_Is400_AndStartsNothing(string body, string code)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", body);
        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe(code);
        (await server.GetJsonAsync("/api/v1/runs")).GetProperty("api_runs").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("zh-CN", "没有运行 nope")]
    [InlineData("en", "no run nope")]
    public async Task UnknownRun_Is404_InTheRequestsLanguage(string language, string detail)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/runs/nope", language: language);
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("run_not_found");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }

    [Fact]
    public async Task TheEngine_LeavesACoreToRequests_AndARunTakesEveryCoreOnlyWhileItRuns()
    {
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var host = server.App.Services.GetRequiredService<WorkspaceHost>();
        static long Threads(DuckDb.Storage.WorkspaceDatabase db) => db.Scalar<long>("SELECT current_setting('threads')");
        var serving = Math.Max(1, Environment.ProcessorCount - 1);   // the default: every core but one (1 on CI's 2)

        (await host.WriteAsync((db, _) => Threads(db), TestContext.Current.CancellationToken)).ShouldBe(serving);
        host.Read(Threads).ShouldBe(serving);   // the setting is the database's: readers have it too

        var (status, started) = await server.SendAsync(HttpMethod.Post, "/api/v1/runs", new { kind = "run", as_of = AsOf });
        status.ShouldBe(202);
        // Read the setting over and over while the run runs (seconds on the demo): it must reach every core.
        var id = started.GetProperty("id").GetString()!;
        var during = new HashSet<long>();
        while ((await server.GetJsonAsync("/api/v1/runs/" + id)).GetProperty("status").GetString() == "running")
            during.Add(host.Read(Threads));
        (await WaitAsync(server, id)).GetProperty("status").GetString().ShouldBe("succeeded");
        (await host.WriteAsync((db, _) => Threads(db), TestContext.Current.CancellationToken)).ShouldBe(serving);
        host.Read(Threads).ShouldBe(serving);
        during.ShouldContain(Environment.ProcessorCount, "while the run ran, the engine had every core");
        during.ShouldBeSubsetOf([serving, Environment.ProcessorCount]);
    }

    [Fact]
    public async Task TheWorkspaceWrites_RunBelowRequests()
    {
        // The engine's work (events applied, the committed path, runs) yields the cores to requests and the live path.
        var caller = Hosting.NiceProbe.OfThisThread();
        using var temp = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(temp));
        var host = server.App.Services.GetRequiredService<WorkspaceHost>();

        (await host.WriteAsync((_, _) => Hosting.NiceProbe.OfThisThread(), TestContext.Current.CancellationToken)).ShouldBe(Math.Min(19, caller + 10));
        host.Read(_ => Hosting.NiceProbe.OfThisThread()).ShouldBe(caller);
    }

    private static async Task<JsonElement> WaitAsync(ApiServer server, string id)
    {
        for (var i = 0; i < 1200; i++)
        {
            var run = await server.GetJsonAsync("/api/v1/runs/" + id);
            if (run.GetProperty("status").GetString() != "running")
                return run;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("run " + id + " did not finish");
    }
}
