using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Activation;

/// <summary>
/// The CLI's exports are audited like the API's, and <c>tag evaluate</c> counts them (issue #12: usage by exports,
/// counted from the audit log): one <c>export tags</c> is one export of every tag, one <c>segment export --tags</c> one
/// more of each tag named.
/// </summary>
public sealed class TagUsageTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    private static async Task<long> ExportsAsync(string dir, string tag)
    {
        var evaluate = await CliRunner.RunAsync("tag", "evaluate", tag, "-w", dir, "--json", "--lang", "en");
        evaluate.ExitCode.ShouldBe(0, evaluate.Out + evaluate.Err);
        return Json(evaluate.Out)[0].GetProperty("usage").GetProperty("exports").GetInt64();
    }

    [Fact]
    public async Task Exports_AreAudited_AndCountedByTagEvaluate()
    {
        var dir = CliRunner.TempDir();
        var demo = await CliRunner.RunAsync("demo", "-w", dir, "--persons", "300", "--lang", "en");
        demo.ExitCode.ShouldBe(0, demo.Out + demo.Err);
        var before = new Dictionary<string, long>();
        foreach (var tag in new[] { "客单价", "活跃度", "性别" })
            before[tag] = await ExportsAsync(dir, tag);

        var all = await CliRunner.RunAsync("export", "tags", "-w", dir, "--out", Path.Combine(dir, "out", "tags.csv"));
        all.ExitCode.ShouldBe(0, all.Out + all.Err);
        var segment = await CliRunner.RunAsync("segment", "export", "高价值沉默", "--tags", "客单价,活跃度", "-w", dir, "--out", Path.Combine(dir, "out", "s.csv"));
        segment.ExitCode.ShouldBe(0, segment.Out + segment.Err);

        (await ExportsAsync(dir, "客单价")).ShouldBe(before["客单价"] + 2);
        (await ExportsAsync(dir, "活跃度")).ShouldBe(before["活跃度"] + 2);
        (await ExportsAsync(dir, "性别")).ShouldBe(before["性别"] + 1);
        var audit = await CliRunner.RunAsync("audit", "-w", dir, "--json");
        audit.Out.ShouldContain("segment.export");
    }
}
