using System.Diagnostics;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>
/// Runs <c>roaring-wasm/roaring.js</c> (CRoaring compiled to WebAssembly) through node. Absent node or package:
/// the tests skip with the reason, and fail under CI=true, where <c>scripts/setup.sh</c> installs the package.
/// </summary>
internal static class RoaringWasm
{
    public static string Folder { get; } = FindFolder();

    public static string GoldenFile(string name) => Path.Combine(Folder, name + ".bin");

    /// <summary>Skips (or fails under CI) unless node and the installed package are here.</summary>
    public static void RequireNode()
    {
        var missing = Missing();
        if (missing is null)
            return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail($"roaring-wasm check cannot run under CI: {missing}");
        Assert.Skip($"roaring-wasm check skipped: {missing}");
    }

    public static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("roaring.js");
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"node roaring.js {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    private static string? Missing()
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "roaring-wasm", "package.json")))
            return $"the npm package roaring-wasm is not installed (run: npm ci in {Folder})";
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            process!.WaitForExit();
            return process.ExitCode == 0 ? null : "node --version failed";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not on PATH";
        }
    }

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TagCenter.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"),
            "tests", "TagCenter.Core.Tests", "Bitmaps", "roaring-wasm");
    }
}
