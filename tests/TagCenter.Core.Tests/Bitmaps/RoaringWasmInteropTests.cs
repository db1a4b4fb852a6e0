using System.Text.Json;
using Shouldly;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>The portable bytes against an independent implementation: CRoaring in WebAssembly, and its golden files.</summary>
public sealed class RoaringWasmInteropTests
{
    // The sets roaring.js writes as golden files (goldenSets there), built the same way here.
    public static TheoryData<string, bool> GoldenNames => new()
    {
        { "golden-no-runs", false },
        { "golden-runs-small", true },
        { "golden-runs-large", true },
    };

    [Theory]
    [MemberData(nameof(GoldenNames))]
    public void Golden_CRoaringBytes_ReadAndWrittenIdentically(string name, bool optimized)
    {
        var bytes = File.ReadAllBytes(RoaringWasm.GoldenFile(name));
        var expected = GoldenSet(name);
        var read = RoaringPortableFormat.Deserialize(bytes);
        BitmapAssert.Matches(read, expected, name);
        RoaringPortableFormat.Serialize(read).ShouldBe(bytes);

        // Built from the values here, with the same optimisation, the bytes are CRoaring's to the byte.
        var built = RoaringBitmap.FromSorted(expected.ToArray());
        if (optimized)
            built.RunOptimize().ShouldBeTrue();
        RoaringPortableFormat.Serialize(built).ShouldBe(bytes);
    }

    [Fact]
    public void Golden_Files_CoverEveryContainerKindAndBothCookies()
    {
        var kinds = new[] { "golden-no-runs", "golden-runs-small", "golden-runs-large" }
            .SelectMany(n => BitmapAssert.Kinds(RoaringPortableFormat.Deserialize(File.ReadAllBytes(RoaringWasm.GoldenFile(n)))))
            .ToHashSet();
        kinds.ShouldBe([typeof(ArrayContainer), typeof(BitsetContainer), typeof(RunContainer)], ignoreOrder: true);
        File.ReadAllBytes(RoaringWasm.GoldenFile("golden-no-runs"))[0..2].ShouldBe(new byte[] { 0x3A, 0x30 });
        File.ReadAllBytes(RoaringWasm.GoldenFile("golden-runs-large"))[0..2].ShouldBe(new byte[] { 0x3B, 0x30 });
    }

    [Fact]
    public void RoaringWasm_ReadsWhatCSharpWrites()
    {
        RoaringWasm.RequireNode();
        foreach (var spec in Specs())
        {
            var bitmap = spec.Build();
            var file = Path.Combine(Path.GetTempPath(), $"tagcenter-bitmap-{Guid.NewGuid():N}.bin");
            try
            {
                File.WriteAllBytes(file, RoaringPortableFormat.Serialize(bitmap));
                using var json = JsonDocument.Parse(RoaringWasm.Run("read", file));
                json.RootElement.GetProperty("size").GetInt64().ShouldBe(bitmap.Cardinality, spec.ToString());
                json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.GetUInt32())
                    .ShouldBe(bitmap.ToArray(), spec.ToString());
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void CSharp_ReadsWhatRoaringWasmWrites()
    {
        RoaringWasm.RequireNode();
        foreach (var spec in Specs())
        {
            var expected = spec.Expected();
            var values = Path.Combine(Path.GetTempPath(), $"tagcenter-bitmap-{Guid.NewGuid():N}.json");
            var file = Path.ChangeExtension(values, ".bin");
            try
            {
                File.WriteAllText(values, JsonSerializer.Serialize(expected));
                RoaringWasm.Run(spec.Optimize ? ["write", values, file, "--optimize"] : ["write", values, file]);
                var bytes = File.ReadAllBytes(file);
                var read = RoaringPortableFormat.Deserialize(bytes);
                BitmapAssert.Matches(read, expected, spec.ToString());
                RoaringPortableFormat.Serialize(read).ShouldBe(bytes, spec.ToString());
            }
            finally
            {
                File.Delete(values);
                File.Delete(file);
            }
        }
    }

    // Fixed seeds: every piece kind, with and without runs, one with many containers (offsets with runs).
    private static IEnumerable<BitmapSpec> Specs()
    {
        yield return new BitmapSpec([], Optimize: false, Sorted: true);
        yield return new BitmapSpec([new Piece(PieceKind.Sparse, 0, 1), new Piece(PieceKind.Dense, 3, 2)], Optimize: false, Sorted: false);
        yield return new BitmapSpec([new Piece(PieceKind.Ranges, 1, 3), new Piece(PieceKind.NearThreshold, 2, 4)], Optimize: true, Sorted: true);
        yield return new BitmapSpec(
            [.. new[] { 0, 1, 2, 3, 7, 65535 }.Select((key, i) => new Piece((PieceKind)(i % 5), (ushort)key, 10 + i))],
            Optimize: true, Sorted: false);
        yield return new BitmapSpec([new Piece(PieceKind.Full, 65535, 5), new Piece(PieceKind.Sparse, 7, 6)], Optimize: true, Sorted: true);
    }

    private static SortedSet<uint> GoldenSet(string name)
    {
        var noRuns = new List<uint> { 1, 2, 3, 1000, 65535, 65536 + 5 };
        for (uint v = 3 * 65536; v < (3 * 65536) + 15000; v += 3)
            noRuns.Add(v);
        var runsSmall = new List<uint>();
        for (uint v = 10; v < 20000; v++)
            runsSmall.Add(v);
        runsSmall.AddRange([70000, 70002, 70004]);
        var runsLarge = new List<uint>(runsSmall);
        for (uint v = 2 * 65536; v < (2 * 65536) + 20000; v += 2)
            runsLarge.Add(v);
        for (uint v = (4 * 65536) + 100; v < (4 * 65536) + 300; v++)
            runsLarge.Add(v);
        for (uint v = 7 * 65536; v < 8 * 65536; v++)
            runsLarge.Add(v);
        runsLarge.Add(uint.MaxValue);
        return new SortedSet<uint>(name switch
        {
            "golden-no-runs" => noRuns,
            "golden-runs-small" => runsSmall,
            _ => runsLarge,
        });
    }
}
