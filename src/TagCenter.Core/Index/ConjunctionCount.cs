using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>A comparison (one test, or the two ends of a range) over a bit-sliced index, as a part of a count.</summary>
public sealed record RangeTerm(BitSlicedIndex Index, RangeTest[] Tests);

/// <summary>
/// |b₁ ∩ … ∩ r₁ ∩ … ∖ x₁ ∖ … ∖ s₁ ∖ …| for bitmaps b, x and ranges r, s over bit-sliced indexes, one 16-bit key at a
/// time, with no range built as a bitmap: per key the bitmaps are intersected first, then each range is compared
/// only within what is left (its EQ words start from it, so they empty sooner and the slices below go unread). A
/// count with values no count asked for before (a fresh count) spends its time in these comparisons. Large counts
/// are split between two threads by key.
/// </summary>
internal static class ConjunctionCount
{
    /// <summary>Keys a count splits between two threads from: below it the second thread costs more than it saves.</summary>
    private const int ParallelKeys = 32;

    public static long Count(IReadOnlyList<RoaringBitmap> include, IReadOnlyList<RangeTerm> includeRanges,
        IReadOnlyList<RoaringBitmap> exclude, IReadOnlyList<RangeTerm> excludeRanges)
    {
        var positive = include.ToList();
        var negative = exclude.ToList();
        var compared = new List<Compared>();
        var subtracted = new List<Compared>();
        // A constant outside a range's span settles it: nobody, or everybody with a value.
        foreach (var term in includeRanges)
        {
            switch (term.Index.Passes(term.Tests))
            {
                case null:
                    return 0;
                case []:
                    positive.Add(term.Index.NotNull);
                    break;
                case var passes:
                    positive.Add(term.Index.NotNull);
                    compared.Add(new Compared(term.Index, passes));
                    break;
            }
        }
        foreach (var term in excludeRanges)
        {
            switch (term.Index.Passes(term.Tests))
            {
                case null:
                    break;
                case []:
                    negative.Add(term.Index.NotNull);
                    break;
                case var passes:
                    subtracted.Add(new Compared(term.Index, passes));
                    break;
            }
        }
        if (positive.Count == 0)
            throw new ArgumentException("at least one bitmap or range to intersect", nameof(include));
        if (positive.Any(p => p.IsEmpty))
            return 0;
        positive.Sort((a, b) => a.Cardinality.CompareTo(b.Cardinality));
        if (compared.Count == 0 && subtracted.Count == 0)
            return RoaringBitmap.AndCardinality([.. positive], [.. negative]);
        var count = new Counting([.. positive], [.. negative], [.. compared], [.. subtracted]);
        var keys = positive[0].ContainerCount;
        if (keys < ParallelKeys || Environment.ProcessorCount < 2)
            return count.Keys(0, keys);
        var half = keys / 2;
        var upper = Task.Run(() => count.Keys(half, keys));
        return count.Keys(0, half) + upper.GetAwaiter().GetResult();
    }

    private sealed record Compared(BitSlicedIndex Index, (RangeOperator Op, ulong Offset)[] Passes);

    /// <summary>The parts of one count (<paramref name="positive"/> smallest first); <see cref="Keys"/> may run on two threads at once.</summary>
    private sealed class Counting(RoaringBitmap[] positive, RoaringBitmap[] negative, Compared[] compared, Compared[] subtracted)
    {
        /// <summary>The count over the keys <paramref name="from"/> (inclusive) to <paramref name="to"/> of the smallest part.</summary>
        public long Keys(int from, int to)
        {
            var (words, scratch, masked) = (WordBuffers.Rent(), WordBuffers.Rent(), WordBuffers.Rent());
            var comparers = compared.Select(c => c.Index.Comparer(c.Passes)).ToArray();
            var subtracters = subtracted.Select(c => c.Index.Comparer(c.Passes)).ToArray();
            try
            {
                return Keys(from, to, words, scratch, masked, comparers, subtracters);
            }
            finally
            {
                foreach (var buffer in new[] { words, scratch, masked })
                    WordBuffers.Return(buffer);
                foreach (var comparer in comparers.Concat(subtracters))
                    comparer.Dispose();
            }
        }

        private long Keys(int from, int to, ulong[] words, ulong[] scratch, ulong[] masked, BsiRange.KeyComparer[] comparers, BsiRange.KeyComparer[] subtracters)
        {
            var positiveAt = new int[positive.Length];
            var negativeAt = new int[negative.Length];
            var subtractedAt = new int[subtracted.Length];
            var lead = positive[0];
            long total = 0;
            for (var k = from; k < to; k++)
            {
                var key = lead.Keys[k];
                positiveAt[0] = k;
                var present = true;
                for (var i = 1; i < positive.Length && present; i++)
                    present = RoaringBitmap.Seek(positive[i], key, ref positiveAt[i]);
                if (!present)
                    continue;
                RoaringBitmap.Load(lead.ContainerAt(k), words);
                for (var i = 1; i < positive.Length; i++)
                    BitsetOps.Apply<AndOp>(words, RoaringBitmap.WordsOf(positive[i].ContainerAt(positiveAt[i]), scratch), words);
                for (var i = 0; i < negative.Length; i++)
                    if (RoaringBitmap.Seek(negative[i], key, ref negativeAt[i]))
                        BitsetOps.Apply<AndNotOp>(words, RoaringBitmap.WordsOf(negative[i].ContainerAt(negativeAt[i]), scratch), words);
                // Every range's persons with a value are among the parts above, so each comparison starts from what is left.
                for (var r = 0; r < comparers.Length && !Empty(words); r++)
                    comparers[r].Compare(key, words).CopyTo(words, 0);
                for (var s = 0; s < subtracters.Length && !Empty(words); s++)
                {
                    if (!RoaringBitmap.Seek(subtracted[s].Index.NotNull, key, ref subtractedAt[s]))
                        continue;
                    BitsetOps.Apply<AndOp>(words, RoaringBitmap.WordsOf(subtracted[s].Index.NotNull.ContainerAt(subtractedAt[s]), scratch), masked);
                    BitsetOps.Apply<AndNotOp>(words, subtracters[s].Compare(key, masked), words);
                }
                total += BitsetOps.PopCount(words);
            }
            return total;
        }

        private static bool Empty(ulong[] words) => words.AsSpan().IndexOfAnyExcept(0UL) < 0;
    }
}
