using System.Text.Json;

namespace TagCenter.Server.Tests.Api;

/// <summary>The real CLI's <c>--json</c> answer over a workspace: the figures the API must give too.</summary>
internal static class SegmentsCli
{
    public static async Task<JsonElement> JsonAsync(string root, params string[] args)
    {
        var (exit, output) = await Tagcenter.RunAsync([.. args, "-w", root, "--json", "--lang", "en"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
