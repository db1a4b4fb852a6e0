using System.Diagnostics;

namespace TagCenter.Bench;

/// <summary>Issue #3 target: the default demo (50,000 people, about two million rows) completes in under two minutes.</summary>
internal static class DemoBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var persons = args.Int("persons", 50_000);
        var root = Path.Combine(Path.GetTempPath(), "tagcenter-bench-demo");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var cli = Path.Combine(AppContext.BaseDirectory, "tagcenter.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in new[] { cli, "demo", "--workspace", root, "--persons", persons.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lang", "en" })
            start.ArgumentList.Add(a);
        var seconds = await Measure.SecondsAsync(async () =>
        {
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
        });
        Console.WriteLine($"demo: {persons:N0} persons end to end in {seconds:0.0}s (target < 120s)");
        return seconds < 120 ? 0 : 2;
    }
}
