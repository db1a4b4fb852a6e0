using System.Diagnostics;

namespace TagCenter.Cli.Tests;

/// <summary>Runs the real tagcenter executable (built beside the tests) and captures what it prints.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args) => RunWithAsync(null, args);

    public static async Task<(int ExitCode, string Out, string Err)> RunWithAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tagcenter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment.Remove("COLUMNS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts tagcenter, sends it SIGTERM (as a service manager or Ctrl-C would stop it) after <paramref name="after"/>, and waits.</summary>
    public static async Task<(int ExitCode, TimeSpan Stopping)> InterruptAsync(TimeSpan after, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagcenter.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await Task.Delay(after, TestContext.Current.CancellationToken);
        var signalled = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, signalled.Elapsed);
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tagcenter-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
