using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Tests.Bitmaps;

/// <summary>How a piece of a generated set fills one container key.</summary>
public enum PieceKind
{
    Sparse,
    NearThreshold,
    Dense,
    Ranges,
    Full,
}

/// <summary>A piece of a generated set: its values come from <see cref="Seed"/>, so a failing case replays exactly.</summary>
public sealed record Piece(PieceKind Kind, ushort Key, int Seed)
{
    public IEnumerable<uint> Values()
    {
        var random = new Random(Seed);
        var high = (uint)Key << 16;
        switch (Kind)
        {
            case PieceKind.Sparse:
                for (var i = random.Next(1, 60); i > 0; i--)
                    yield return high | (uint)random.Next(65536);
                break;
            case PieceKind.NearThreshold:
                // Around 4096 distinct values: some pieces stay arrays, some become bitsets.
                var distinct = new HashSet<int>();
                for (var target = random.Next(4080, 4110); distinct.Count < target;)
                    distinct.Add(random.Next(65536));
                foreach (var v in distinct)
                    yield return high | (uint)v;
                break;
            case PieceKind.Dense:
                for (var i = random.Next(5000, 20000); i > 0; i--)
                    yield return high | (uint)random.Next(65536);
                break;
            case PieceKind.Ranges:
                for (var r = random.Next(1, 6); r > 0; r--)
                {
                    var start = random.Next(65536);
                    var end = Math.Min(65535, start + random.Next(1, 30000));
                    for (var v = start; v <= end; v++)
                        yield return high | (uint)v;
                }
                break;
            default:
                for (var v = 0; v < 65536; v++)
                    yield return high | (uint)v;
                break;
        }
    }
}

/// <summary>A generated set: pieces over a few keys (including the top one), built by Add or FromSorted.</summary>
public sealed record BitmapSpec(Piece[] Pieces, bool Optimize, bool Sorted)
{
    private static readonly ushort[] KeyChoices = [0, 1, 2, 3, 7, 65535];

    public static Gen<BitmapSpec> Gen() =>
        from pieces in FsCheck.Fluent.Gen.ListOf(PieceGen()).Select(p => p.Take(6).ToArray())
        from optimize in ArbMap.Default.GeneratorFor<bool>()
        from sorted in ArbMap.Default.GeneratorFor<bool>()
        select new BitmapSpec(pieces, optimize, sorted);

    private static Gen<Piece> PieceGen() =>
        from kind in FsCheck.Fluent.Gen.Frequency(
            (4, FsCheck.Fluent.Gen.Constant(PieceKind.Sparse)),
            (2, FsCheck.Fluent.Gen.Constant(PieceKind.NearThreshold)),
            (2, FsCheck.Fluent.Gen.Constant(PieceKind.Dense)),
            (3, FsCheck.Fluent.Gen.Constant(PieceKind.Ranges)),
            (1, FsCheck.Fluent.Gen.Constant(PieceKind.Full)))
        from key in FsCheck.Fluent.Gen.Elements(KeyChoices)
        from seed in FsCheck.Fluent.Gen.Choose(0, int.MaxValue)
        select new Piece(kind, key, seed);

    public HashSet<uint> Expected() => [.. Pieces.SelectMany(p => p.Values())];

    internal RoaringBitmap Build()
    {
        RoaringBitmap bitmap;
        if (Sorted)
        {
            bitmap = RoaringBitmap.FromSorted(Expected().Order().ToArray());
        }
        else
        {
            bitmap = new RoaringBitmap();
            foreach (var v in Pieces.SelectMany(p => p.Values()))
                bitmap.Add(v);
        }
        if (Optimize)
            bitmap.RunOptimize();
        return bitmap;
    }

    public override string ToString() =>
        $"{string.Join(", ", Pieces.Select(p => $"{p.Kind}@{p.Key}#{p.Seed}"))} optimize={Optimize} sorted={Sorted}";
}
