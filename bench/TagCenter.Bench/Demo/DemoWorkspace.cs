using System.Diagnostics;
using System.Globalization;

namespace TagCenter.Bench.Demo;

/// <summary>The demo workspace the benches serve (<c>tagcenter demo --persons N</c>), built once per size in the temp folder.</summary>
internal static class DemoWorkspace
{
    public static string PathOf(int persons) => Path.Combine(Path.GetTempPath(), $"tagcenter-bench-api-{persons}");

    public static async Task<string> BuildAsync(int persons)
    {
        var root = PathOf(persons);
        if (File.Exists(Path.Combine(root, ".tagcenter", "tagcenter.duckdb")))
            return root; // built by an earlier run: the demo is deterministic
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "tagcenter.dll"), "demo", "--workspace", root, "--persons", persons.ToString(CultureInfo.InvariantCulture), "--lang", "en", "--json" })
            start.ArgumentList.Add(a);
        start.RedirectStandardOutput = true;
        var seconds = await Measure.SecondsAsync(async () =>
        {
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"tagcenter demo failed (exit {process.ExitCode})");
        });
        Console.WriteLine($"  built the demo workspace of {persons:N0} persons in {seconds:0.0} s");
        return root;
    }
}
