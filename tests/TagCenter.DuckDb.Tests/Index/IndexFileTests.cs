using System.Diagnostics;
using System.Text.Json;
using Shouldly;
using TagCenter.Core.Index;
using TagCenter.DuckDb.Index;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>Index files read by CRoaring (roaring-wasm) and damaged files ending in a clear error, never a crash.</summary>
public sealed class IndexFileTests : IDisposable
{
    private static readonly IndexColumn[] Columns =
    [
        new("level", IndexedAs.Values, IndexEncoding.None, []),
        new("score", IndexedAs.Range, IndexEncoding.Integer, []),
    ];

    private readonly TestWorkspace _workspace = new();

    public IndexFileTests()
    {
        _workspace.WithYaml("sources: {}");
        // 200k persons: the level 'a' bitmap mixes bitset, array and run containers.
        _workspace.Database.Execute("""
            CREATE TABLE wide AS SELECT 'P' || lpad(CAST(i AS VARCHAR), 7, '0') AS oneid,
                CASE WHEN i < 70000 THEN 'a' WHEN i < 140000 THEN (CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END)
                     ELSE (CASE WHEN i % 50 = 0 THEN 'a' ELSE 'b' END) END AS level,
                CAST(hash(i) % 1000 AS BIGINT) - 500 AS score
            FROM range(200000) r(i)
            """);
        TagIndexBuilder.BuildFrom(_workspace.Database, "wide", Columns, Path, "run-1", TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);
    }

    private string Path => TagIndex.PathOf(_workspace.Root);

    [Fact]
    public void RoaringWasm_ReadsABitmapOfTheIndexFile()
    {
        var folder = RoaringWasmFolder();
        if (!File.Exists(System.IO.Path.Combine(folder, "node_modules", "roaring-wasm", "package.json")) || !HasNode())
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("roaring-wasm check cannot run under CI: node or the package is missing");
            Assert.Skip($"roaring-wasm check skipped: node or the npm package is missing (run: npm ci in {folder})");
        }
        using var index = TagIndex.Open(_workspace.Root)!;
        var tag = index.Manifest.Tags.Single(t => t.Code == "level");
        var slot = tag.Bitmaps[tag.ValueList.ToList().IndexOf("a")];
        var bin = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tagcenter-index-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = File.ReadAllBytes(Path).AsSpan((int)slot.Offset, slot.Length).ToArray();
            File.WriteAllBytes(bin, bytes);
            using var json = JsonDocument.Parse(Node(folder, "read", bin));

            var expected = _workspace.Rows("SELECT o.ordinal FROM wide JOIN person_ordinals o USING (oneid) WHERE level = 'a' ORDER BY 1")
                .Select(r => Convert.ToUInt32(r[0])).ToArray();
            json.RootElement.GetProperty("size").GetInt64().ShouldBe(expected.Length);
            json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetUInt32()).ShouldBe(expected);
        }
        finally
        {
            File.Delete(bin);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(0.0)]
    public void Open_TruncatedFile_ClearError(double keep)
    {
        var bytes = File.ReadAllBytes(Path);
        File.WriteAllBytes(Path, bytes[..(int)(bytes.Length * keep)]);

        var error = Should.Throw<IndexFileException>(() => TagIndex.Open(_workspace.Root));

        error.Message.ShouldStartWith($"the tag index file {Path} is corrupt: ");
        error.Message.ShouldContain(keep == 0 ? "too short" : "marker is missing");
    }

    [Fact]
    public void Read_DamagedBitmap_ClearErrorNamingTheTag()
    {
        using (var index = TagIndex.Open(_workspace.Root)!)
        {
            var slot = index.Manifest.Tags.Single(t => t.Code == "score").Bitmaps[0];
            var bytes = File.ReadAllBytes(Path);
            bytes[slot.Offset] ^= 0xFF; // the cookie of score's first slice
            index.Dispose();
            File.WriteAllBytes(Path, bytes);
        }
        using var damaged = TagIndex.Open(_workspace.Root)!; // the directory is fine
        damaged.Equal("level", "a").IsEmpty.ShouldBeFalse();

        var error = Should.Throw<IndexFileException>(() => damaged.Range("score", RangeOperator.Less, 0));

        error.Message.ShouldContain("a bitmap of tag score: corrupt bitmap data at byte 0: unknown cookie");
    }

    [Fact]
    public void Open_DamagedDirectory_ClearError()
    {
        var bytes = File.ReadAllBytes(Path);
        var text = System.Text.Encoding.Latin1.GetString(bytes); // one char per byte
        var at = text.IndexOf("{\"version\"", StringComparison.Ordinal);
        bytes[at + 1] = (byte)'!';
        File.WriteAllBytes(Path, bytes);

        var error = Should.Throw<IndexFileException>(() => TagIndex.Open(_workspace.Root));

        error.Message.ShouldContain("its directory cannot be read");
    }

    private static string RoaringWasmFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "TagCenter.slnx")))
            dir = dir.Parent;
        return System.IO.Path.Combine(dir!.FullName, "tests", "TagCenter.Core.Tests", "Bitmaps", "roaring-wasm");
    }

    private static bool HasNode()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string Node(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("roaring.js");
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, stderr.Result);
        return stdout;
    }

    public void Dispose() => _workspace.Dispose();
}
