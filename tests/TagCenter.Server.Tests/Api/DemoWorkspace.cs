using System.Diagnostics;

[assembly: AssemblyFixture(typeof(TagCenter.Server.Tests.Api.DemoWorkspace))]

namespace TagCenter.Server.Tests.Api;

/// <summary>
/// A demo workspace built once for the whole test assembly by the real <c>tagcenter demo</c> (300 persons: loaded,
/// identities resolved, tags run, segments evaluated, index written). Tests that only read use <see cref="Root"/>;
/// tests that change anything take their own <see cref="Copy"/>, made from a pristine snapshot taken right after the
/// demo: a server reading <see cref="Root"/> opens its SQLite stores (their <c>-wal</c>/<c>-shm</c> files come and
/// go, and its dispatcher writes deliveries), so copying <see cref="Root"/> itself would race with it.
/// </summary>
public sealed class DemoWorkspace : IAsyncLifetime
{
    public const int Persons = 300;

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "tc-server-demo-" + Guid.NewGuid().ToString("N"));

    public string Root => Path.Combine(_parent, "demo");

    private string Pristine => Path.Combine(_parent, "pristine");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_parent);
        var (exit, output) = await Tagcenter.RunAsync(["demo", "-w", Root, "--persons", Persons.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lang", "en"], CancellationToken.None);
        if (exit != 0)
            throw new InvalidOperationException("tagcenter demo failed (exit " + exit + "):\n" + output);
        CopyTree(Root, Pristine);
    }

    /// <summary>A copy of the workspace of the caller's own, deleted with <paramref name="owner"/>.</summary>
    public string Copy(TempFolder owner)
    {
        var target = Path.Combine(owner.Path, "demo");
        CopyTree(Pristine, target);
        return target;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(_parent, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The real <c>tagcenter</c> executable built beside the tests.</summary>
public static class Tagcenter
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "tagcenter.dll");

    public static ProcessStartInfo Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        using var process = Process.Start(Start(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
