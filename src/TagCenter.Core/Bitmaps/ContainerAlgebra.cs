namespace TagCenter.Core.Bitmaps;

/// <summary>
/// AND, OR, ANDNOT, XOR and the intersection count of two containers. Arrays are merged or probed; every other
/// pair but two runs (merged interval by interval) goes through 1024 words with the vector kernels. A null result is an empty container.
/// </summary>
internal static class ContainerAlgebra
{
    public static Container? And(Container a, Container b)
    {
        var result = (a, b) switch
        {
            (ArrayContainer x, ArrayContainer y) => SortedMerge.Intersect(x.Span, y.Span),
            (ArrayContainer x, _) => x.Filter(b, keep: true),
            (_, ArrayContainer y) => y.Filter(a, keep: true),
            (RunContainer x, RunContainer y) => RunMerge.Intersect(x, y),
            (BitsetContainer x, BitsetContainer y) => AndBitsets(x, y),
            _ => Words<AndOp>(a, b),
        };
        return NullIfEmpty(result);
    }

    public static Container? AndNot(Container a, Container b)
    {
        var result = a switch
        {
            ArrayContainer x => x.Filter(b, keep: false),
            _ => Words<AndNotOp>(a, b),
        };
        return NullIfEmpty(result);
    }

    public static Container? Or(Container a, Container b)
    {
        var result = (a, b) switch
        {
            (ArrayContainer x, ArrayContainer y) when x.Cardinality + y.Cardinality <= ArrayMax =>
                SortedMerge.Union(x.Span, y.Span),
            (RunContainer x, RunContainer y) => RunMerge.Union(x, y),
            _ => Words<OrOp>(a, b),
        };
        return NullIfEmpty(result);
    }

    public static Container? Xor(Container a, Container b)
    {
        var result = (a, b) switch
        {
            (ArrayContainer x, ArrayContainer y) when x.Cardinality + y.Cardinality <= ArrayMax =>
                SortedMerge.SymmetricDifference(x.Span, y.Span),
            _ => Words<XorOp>(a, b),
        };
        return NullIfEmpty(result);
    }

    public static int AndCardinality(Container a, Container b) => (a, b) switch
    {
        (ArrayContainer x, ArrayContainer y) => SortedMerge.IntersectCount(x.Span, y.Span),
        (ArrayContainer x, _) => x.CountIn(b),
        (_, ArrayContainer y) => y.CountIn(a),
        (BitsetContainer x, BitsetContainer y) => BitsetOps.AndCount(x.Words, y.Words),
        (RunContainer x, _) => x.CountIn(b),
        (_, RunContainer y) => y.CountIn(a),
        _ => throw new InvalidOperationException("unknown container pair"),
    };

    private const int ArrayMax = Container.ArrayMaxCardinality;

    // Count first (cheap, no store): a sparse intersection goes straight to an array, never through a bitset.
    private static Container? AndBitsets(BitsetContainer a, BitsetContainer b)
    {
        var cardinality = BitsetOps.AndCount(a.Words, b.Words);
        if (cardinality == 0)
            return null;
        if (cardinality <= ArrayMax)
            return ArrayContainer.FromAnd(a.Words, b.Words, cardinality);
        var words = GC.AllocateUninitializedArray<ulong>(Container.BitsetWords);
        BitsetOps.Apply<AndOp>(a.Words, b.Words, words);
        return new BitsetContainer(words, cardinality);
    }

    private static Container? Words<TOp>(Container a, Container b)
        where TOp : struct, IWordOp
    {
        // Every word is written (and counted) in one pass, so the array need not be zeroed first.
        var words = GC.AllocateUninitializedArray<ulong>(Container.BitsetWords);
        var cardinality = BitsetOps.ApplyCount<TOp>(WordsOf(a, ScratchA), WordsOf(b, ScratchB), words);
        return BitsetContainer.FromWords(words, cardinality);
    }

    // Per-thread scratch words for array and run operands, so a word-level operation allocates only its result.
    [ThreadStatic]
    private static ulong[]? _scratchA;

    [ThreadStatic]
    private static ulong[]? _scratchB;

    private static ulong[] ScratchA => _scratchA ??= new ulong[Container.BitsetWords];

    private static ulong[] ScratchB => _scratchB ??= new ulong[Container.BitsetWords];

    private static ReadOnlySpan<ulong> WordsOf(Container c, ulong[] scratch)
    {
        if (c is BitsetContainer bitset)
            return bitset.Words;
        Array.Clear(scratch);
        c.SetBits(scratch);
        return scratch;
    }

    private static Container? NullIfEmpty(Container? c) => c is null || c.Cardinality == 0 ? null : c;
}
