using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;

namespace TagCenter.Core.Realtime;

/// <summary>
/// Changes some persons' values in a bit-sliced index without reading every value: the changed persons are taken out
/// of every slice and put back with their new offsets. A new value below the index's base moves the base down, which
/// adds the same constant to every stored offset: a ripple-carry addition done slice by slice with bitmap AND/OR/XOR
/// (the carry is a bitmap of the persons carrying into the next bit). A value above its top adds slices.
/// </summary>
public static class BsiPatch
{
    public static BitSlicedIndex Apply(BitSlicedIndex bsi, RoaringBitmap touched, IEnumerable<(uint Ordinal, long Value)> values)
    {
        var patched = values.OrderBy(v => v.Ordinal).ToList();
        // The largest value the slices can hold bounds every stored one (no need to find the actual maximum).
        var top = bsi.Bits >= 62 ? long.MaxValue : unchecked(bsi.Base + (long)bsi.MaxOffset);
        var low = patched.Count == 0 ? bsi.Base : Math.Min(bsi.Base, patched.Min(v => v.Value));
        var high = patched.Count == 0 ? top : Math.Max(top, patched.Max(v => v.Value));
        var bits = Math.Max(bsi.Bits, BitSlicedIndex.BitsFor(low, high));
        var notNull = RoaringBitmap.AndNot(bsi.NotNull, touched);
        var slices = new RoaringBitmap[bits];
        for (var i = 0; i < bits; i++)
            slices[i] = i < bsi.Bits ? RoaringBitmap.AndNot(bsi.Slices[i], touched) : new RoaringBitmap();
        if (low < bsi.Base)
            AddConstant(slices, notNull, unchecked((ulong)bsi.Base - (ulong)low));
        var ordinals = patched.Select(v => v.Ordinal).ToArray();
        notNull = RoaringBitmap.Or(notNull, RoaringBitmap.FromSorted(ordinals));
        for (var i = 0; i < bits; i++)
        {
            var bit = i;
            var set = patched.Where(v => ((unchecked((ulong)v.Value - (ulong)low) >> bit) & 1) == 1).Select(v => v.Ordinal).ToArray();
            if (set.Length > 0)
                slices[i] = RoaringBitmap.Or(slices[i], RoaringBitmap.FromSorted(set));
        }
        return new BitSlicedIndex(low, notNull, slices);
    }

    /// <summary>Adds <paramref name="constant"/> to the offset of every person of <paramref name="persons"/>, in place.</summary>
    private static void AddConstant(RoaringBitmap[] slices, RoaringBitmap persons, ulong constant)
    {
        var carry = new RoaringBitmap();
        for (var i = 0; i < slices.Length; i++)
        {
            var addend = ((constant >> i) & 1) == 1 ? persons : new RoaringBitmap();
            var a = slices[i];
            slices[i] = RoaringBitmap.Xor(RoaringBitmap.Xor(a, addend), carry);
            carry = RoaringBitmap.Or(RoaringBitmap.Or(RoaringBitmap.And(a, addend), RoaringBitmap.And(a, carry)), RoaringBitmap.And(addend, carry));
        }
    }
}
