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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RoaringBitmap Compare(RoaringBitmap notNull, RoaringBitmap[] slices, RangeOperator op, ulong offset)
    {
        var builder = new RoaringBitmapBuilder();
        var eq = new ulong[Words];
        var lt = new ulong[Words];
        var gt = new ulong[Words];
        var nn = new ulong[Words];
        var scratch = new ulong[Words];
        var cursors = new int[slices.Length];
        var keys = notNull.Keys;
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            Load(notNull.ContainerAt(k), nn);
            nn.CopyTo(eq, 0);
            Array.Clear(lt);
            Array.Clear(gt);
            for (var i = slices.Length - 1; i >= 0; i--)
            {
                var slice = Find(slices[i], key, ref cursors[i]);
                var one = ((offset >> i) & 1) != 0;
                if (slice is null)
                {
                    // An absent slice container is all zeros: a 1 bit in the constant ends equality here.
                    if (!one)
                        continue;
                    Or(lt, eq);
                    Array.Clear(eq);
                    break;
                }
                var s = WordsOf(slice, scratch);
                var any = one ? StepOne(eq, lt, s) : StepZero(eq, gt, s);
                if (!any)
                    break;
            }
            var result = op switch
            {
                RangeOperator.Equal => eq,
                RangeOperator.NotEqual => AndNotInto(nn, eq),
                RangeOperator.Less => lt,
                RangeOperator.LessOrEqual => OrInto(lt, eq),
                RangeOperator.Greater => gt,
                _ => OrInto(gt, eq),
            };
            builder.AddWords(key, result);
        }
        return builder.Build();
    }

    private static Container? Find(RoaringBitmap bitmap, ushort key, ref int cursor)
    {
        var keys = bitmap.Keys;
        while (cursor < keys.Length && keys[cursor] < key)
            cursor++;
        return cursor < keys.Length && keys[cursor] == key ? bitmap.ContainerAt(cursor) : null;
    }

    private static void Load(Container container, ulong[] words)
    {
        if (container is BitsetContainer bitset)
        {
            bitset.Words.CopyTo(words);
            return;
        }
        Array.Clear(words);
        container.SetBits(words);
    }

    private static ReadOnlySpan<ulong> WordsOf(Container container, ulong[] scratch)
    {
        if (container is BitsetContainer bitset)
            return bitset.Words;
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

    private static ulong[] AndNotInto(ulong[] into, ulong[] other)
    {
        for (var i = 0; i < Words; i++)
            into[i] &= ~other[i];
        return into;
    }
}
