using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>/api/v1/models: the same models, versions and distributions as <c>tagcenter model list|show --json</c>.</summary>
public sealed class ModelsTests(DemoWorkspace demo)
{
    [Fact]
    public async Task List_And_Show_MatchTheCli()
    {
        // The CLI reads a copy: a reading process locks the database file against the servers other tests start on demo.Root.
        using var cliTemp = new TempFolder();
        var cliCopy = demo.Copy(cliTemp);
        var (exit, output) = await Tagcenter.RunAsync(["model", "list", "-w", cliCopy, "--json"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var cli = JsonDocument.Parse(output).RootElement;
        await using var server = await ApiServer.StartAsync(demo.Root);
        var api = await server.GetJsonAsync("/api/v1/models");
        api.GetArrayLength().ShouldBe(cli.GetArrayLength());
        api.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var (a, c) in api.EnumerateArray().Zip(cli.EnumerateArray()))
        {
            a.GetProperty("model").GetString().ShouldBe(c.GetProperty("model").GetString());
            a.GetProperty("version_in_use").ToString().ShouldBe(c.GetProperty("version_in_use").ToString());
            a.GetProperty("persons").ToString().ShouldBe(c.GetProperty("persons").ToString());
        }

        var name = api[0].GetProperty("model").GetString()!;
        var (showExit, showOutput) = await Tagcenter.RunAsync(["model", "show", name, "-w", cliCopy, "--json"], TestContext.Current.CancellationToken);
        showExit.ShouldBe(0, showOutput);
        var cliShow = JsonDocument.Parse(showOutput).RootElement;
        var apiShow = await server.GetJsonAsync("/api/v1/models/" + Uri.EscapeDataString(name));
        apiShow.GetProperty("kind").GetString().ShouldBe(cliShow.GetProperty("kind").GetString());
        apiShow.GetProperty("versions").GetArrayLength().ShouldBe(cliShow.GetProperty("versions").GetArrayLength());
        static List<(string?, long)> Outputs(JsonElement show) =>
            [.. show.GetProperty("distribution").EnumerateArray().Select(d => (d.GetProperty("output").GetString(), d.GetProperty("persons").GetInt64()))];
        Outputs(apiShow).ShouldBe(Outputs(cliShow));
    }

    [Fact]
    public async Task Show_ModelDeletedFromTheFilesButPublished_IsRemovedNotMissing()
    {
        // Runs still train a published model until apply removes it: show must still find it, and say so.
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        File.Delete(Path.Combine(root, "models", "价值.yaml")); // declares rfm
        await using var server = await ApiServer.StartAsync(root);
        var show = await server.GetJsonAsync("/api/v1/models/rfm");
        show.GetProperty("model").GetString().ShouldBe("rfm");
        show.GetProperty("published").GetProperty("status").GetString().ShouldBe("removed");
        show.GetProperty("distribution").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("zh-CN", "没有模型 nope")]
    [InlineData("en", "no model nope")]
    public async Task UnknownModel_Is404(string language, string detail)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/models/nope", language: language);
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("model_not_found");
        problem.GetProperty("detail").GetString().ShouldBe(detail);
    }
}
