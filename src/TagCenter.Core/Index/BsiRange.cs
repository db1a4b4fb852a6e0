using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>
/// O'Neil's range algorithm over a bit-sliced index, one 16-bit key at a time: the EQ/LT/GT word buffers of a key
/// (8 KB each) stay in the L1 cache while the slices stream past, so a comparison allocates only its result and
/// reads each slice once. A key stops early once nothing is still equal to the constant's leading bits.
/// </summary>
internal static class BsiRange
{
    private const int Words = Container.BitsetWords;

    /// <summary>The persons of <paramref name="notNull"/> whose value passes every comparison (one or two: a range
    /// with two ends reads each slice once, not once per end). Large indexes are shared with a pool thread a chunk of
    /// keys at a time (<see cref="SharedChunks"/>).</summary>
    public static RoaringBitmap Compare(RoaringBitmap notNull, RoaringBitmap[] slices, ulong[]?[][] words, ReadOnlySpan<(RangeOperator Op, ulong Offset)> tests, bool parallel = true)
    {
        var keys = notNull.ContainerCount;
        var all = tests.ToArray();
        if (!parallel || keys < SharedChunks.FromKeys || Environment.ProcessorCount < 2)
        {
            using var alone = new Chunker(notNull, slices, words, all);
            return alone.Compare(0, keys).Build();
        }
        var parts = new RoaringBitmapBuilder[SharedChunks.Of(keys)];
        SharedChunks.RunKeys(keys, () => new Chunker(notNull, slices, words, all), (chunker, c, from, to) => parts[c] = chunker.Compare(from, to));
        for (var c = 1; c < parts.Length; c++)
            parts[0].Append(parts[c]);
        return parts[0].Build();
    }

    /// <summary>One thread's share of a pass: the keys of a chunk compared into a builder of their own.</summary>
    private sealed class Chunker(RoaringBitmap notNull, RoaringBitmap[] slices, ulong[]?[][] words, (RangeOperator Op, ulong Offset)[] tests) : IDisposable
    {
        private readonly KeyComparer _comparer = new(slices, words, tests);
        private readonly ulong[] _notNull = WordBuffers.Rent();

        /// <summary>The keys <paramref name="from"/> (inclusive) to <paramref name="to"/> of the persons with a value, compared.</summary>
        public RoaringBitmapBuilder Compare(int from, int to)
        {
            var builder = new RoaringBitmapBuilder();
            var keys = notNull.Keys;
            for (var k = from; k < to; k++)
            {
                RoaringBitmap.Load(notNull.ContainerAt(k), _notNull);
                builder.AddWords(keys[k], _comparer.Compare(keys[k], _notNull));
            }
            return builder;
        }

        public void Dispose()
        {
            _comparer.Dispose();
            WordBuffers.Return(_notNull);
        }
    }

    /// <summary>
    /// One thread's comparisons, key by key (keys must increase from call to call): the passes' word buffers, a cursor
    /// per slice and a scratch buffer, reused for every key (rented: dispose to give them back).
    /// </summary>
    internal sealed class KeyComparer : IDisposable
    {
        private readonly RoaringBitmap[] _slices;
        private readonly ulong[]?[][] _words;
        private readonly Pass[] _passes;
        private readonly int[] _cursors;
        private readonly ulong[] _scratch = WordBuffers.Rent();

        public KeyComparer(RoaringBitmap[] slices, ulong[]?[][] words, (RangeOperator Op, ulong Offset)[] tests)
        {
            _slices = slices;
            _words = words;
            _passes = [.. tests.Select(t => new Pass(t.Op, t.Offset))];
            _cursors = new int[slices.Length];
        }

        /// <summary>The persons of <paramref name="start"/> (persons of the key with a value, or fewer) whose value passes
        /// every test. The words returned are the comparer's own, valid until the next call.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ulong[] Compare(ushort key, ReadOnlySpan<ulong> start)
        {
            foreach (var pass in _passes)
                pass.Start(start);
            var open = _passes.Length;
            for (var i = _slices.Length - 1; i >= 0 && open > 0; i--)
            {
                var slice = Find(_slices[i], key, ref _cursors[i]);
                var s = slice is null ? default : WordsOf(slice, ref _words[i][_cursors[i]], _scratch);
                open = 0;
                foreach (var pass in _passes)
                    if (pass.Open && pass.Step(i, slice is null, s))
                        open++;
            }
            var result = _passes[0].Result();
            for (var t = 1; t < _passes.Length; t++)
                AndInto(result, _passes[t].Result());
            return result;
        }

        public void Dispose()
        {
            WordBuffers.Return(_scratch);
            foreach (var pass in _passes)
                pass.Release();
        }
    }

    /// <summary>One comparison's EQ/LT/GT words for the key being compared.</summary>
    private sealed class Pass(RangeOperator op, ulong offset)
    {
        private readonly ulong[] _eq = WordBuffers.Rent();
        private readonly ulong[] _lt = WordBuffers.Rent();
        private readonly ulong[] _gt = WordBuffers.Rent();

        /// <summary>Whether persons are still equal to the constant's leading bits (otherwise the rest of the slices change nothing).</summary>
        public bool Open { get; private set; }

        public void Start(ReadOnlySpan<ulong> start)
        {
            start.CopyTo(_eq);
            Array.Clear(_lt);
            Array.Clear(_gt);
            Open = true;
        }

        /// <summary>Takes slice <paramref name="bit"/> (its words; <paramref name="absent"/>: all zeros); false once nothing is still equal.</summary>
        public bool Step(int bit, bool absent, ReadOnlySpan<ulong> slice)
        {
            var one = ((offset >> bit) & 1) != 0;
            if (absent)
            {
                // An absent slice container is all zeros: a 1 bit in the constant ends equality here.
                if (one)
                {
                    Or(_lt, _eq);
                    Array.Clear(_eq);
                    Open = false;
                }
                return Open;
            }
            Open = one ? StepOne(_eq, _lt, slice) : StepZero(_eq, _gt, slice);
            return Open;
        }

        /// <summary>Gives the buffers back; the pass is not used after.</summary>
        public void Release()
        {
            WordBuffers.Return(_eq);
            WordBuffers.Return(_lt);
            WordBuffers.Return(_gt);
        }

        public ulong[] Result() => op switch
        {
            RangeOperator.Equal => _eq,
            RangeOperator.NotEqual => OrInto(_lt, _gt), // a value, and not equal
            RangeOperator.Less => _lt,
            RangeOperator.LessOrEqual => OrInto(_lt, _eq),
            RangeOperator.Greater => _gt,
            _ => OrInto(_gt, _eq),
        };
    }

    private static Container? Find(RoaringBitmap bitmap, ushort key, ref int cursor) =>
        RoaringBitmap.Seek(bitmap, key, ref cursor) ? bitmap.ContainerAt(cursor) : null;

    /// <summary>Array containers from this size on are set out as words once and kept: setting their bits on every
    /// comparison costs more than a pass over the words. Smaller ones are set out each time, so that kept words never
    /// take more than four times the array's memory (2 KB of values, 8 KB of words).</summary>
    private const int KeepWordsFrom = 1024;

    private static ReadOnlySpan<ulong> WordsOf(Container container, ref ulong[]? kept, ulong[] scratch)
    {
        if (container is BitsetContainer bitset)
            return bitset.Words;
        if (kept is not null)
            return kept;
        if (container.Cardinality >= KeepWordsFrom || container is RunContainer)
        {
            var words = new ulong[Words];
            container.SetBits(words);
            return kept = words; // two threads may both set it out: the same words either way
        }
        Array.Clear(scratch);
        container.SetBits(scratch);
        return scratch;
    }

    // Constant bit 1: equal-so-far persons with a 0 here are less; equality continues where the slice has a 1.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StepOne(Span<ulong> eq, Span<ulong> lt, ReadOnlySpan<ulong> s)
    {
        ref var re = ref MemoryMarshal.GetReference(eq);
        ref var rl = ref MemoryMarshal.GetReference(lt);
        ref var rs = ref MemoryMarshal.GetReference(s);
        var any = Vector256<ulong>.Zero;
        for (nuint i = 0; i < Words; i += 4)
        {
            var e = Vector256.LoadUnsafe(ref re, i);
            var v = Vector256.LoadUnsafe(ref rs, i);
            (Vector256.LoadUnsafe(ref rl, i) | Vector256.AndNot(e, v)).StoreUnsafe(ref rl, i);
            var next = e & v;
            next.StoreUnsafe(ref re, i);
            any |= next;
        }
        return any != Vector256<ulong>.Zero;
    }

    // Constant bit 0: equal-so-far persons with a 1 here are greater; equality continues where the slice has a 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StepZero(Span<ulong> eq, Span<ulong> gt, ReadOnlySpan<ulong> s)
    {
        ref var re = ref MemoryMarshal.GetReference(eq);
        ref var rg = ref MemoryMarshal.GetReference(gt);
        ref var rs = ref MemoryMarshal.GetReference(s);
        var any = Vector256<ulong>.Zero;
        for (nuint i = 0; i < Words; i += 4)
        {
            var e = Vector256.LoadUnsafe(ref re, i);
            var v = Vector256.LoadUnsafe(ref rs, i);
            (Vector256.LoadUnsafe(ref rg, i) | (e & v)).StoreUnsafe(ref rg, i);
            var next = Vector256.AndNot(e, v);
            next.StoreUnsafe(ref re, i);
            any |= next;
        }
        return any != Vector256<ulong>.Zero;
    }

    private static void Or(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < Words; i++)
            into[i] |= other[i];
    }

    private static ulong[] OrInto(ulong[] into, ulong[] other)
    {
        Or(into, other);
        return into;
    }

    private static void AndInto(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < Words; i++)
            into[i] &= other[i];
    }
}
