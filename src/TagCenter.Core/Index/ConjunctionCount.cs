using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>A comparison (one test, or the two ends of a range) over a bit-sliced index, as a part of a count.</summary>
public sealed record RangeTerm(BitSlicedIndex Index, RangeTest[] Tests);

/// <summary>
/// |b₁ ∩ … ∩ (u₁₁ ∪ u₁₂ ∪ …) ∩ … ∩ r₁ ∩ … ∖ x₁ ∖ … ∖ s₁ ∖ …| for bitmaps b, u, x and ranges r, s over bit-sliced indexes,
/// one 16-bit key at a time, with no range or union built as a bitmap: per key the bitmaps are intersected first
/// (a union's members are ORed at that key only), then each range is compared only within what is left (its EQ words
/// start from it, so they empty sooner and the slices below go unread). A count with values no count asked for
/// before (a fresh count) spends its time in these comparisons. On large indexes the caller and a pool thread share
/// the keys, a chunk at a time.
/// </summary>
internal static class ConjunctionCount
{
    /// <param name="unions">Parts a person is in when in any of their bitmaps (<c>状态 = 'a' or 状态 = 'b'</c>).</param>
    public static long Count(IReadOnlyList<RoaringBitmap> include, IReadOnlyList<RangeTerm> includeRanges,
        IReadOnlyList<RoaringBitmap> exclude, IReadOnlyList<RangeTerm> excludeRanges, IReadOnlyList<RoaringBitmap[]>? unions = null)
    {
        var positive = include.ToList();
        var ored = new List<RoaringBitmap[]>();
        foreach (var members in unions ?? [])
        {
            var some = members.Where(m => !m.IsEmpty).ToArray();
            if (some.Length == 0)
                return 0;
            if (some.Length == 1)
                positive.Add(some[0]);
            else
                ored.Add(some);
        }
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
        // The keys walked are the smallest part's: with nothing else to walk, the narrowest union is built.
        if (positive.Count == 0 && ored.Count > 0)
        {
            var narrowest = ored.MinBy(u => u.Sum(m => m.Cardinality))!;
            ored.Remove(narrowest);
            positive.Add(narrowest.Aggregate(RoaringBitmap.Or));
        }
        if (positive.Count == 0)
            throw new ArgumentException("at least one bitmap or range to intersect", nameof(include));
        if (positive.Any(p => p.IsEmpty))
            return 0;
        positive.Sort((a, b) => a.Cardinality.CompareTo(b.Cardinality));
        if (compared.Count == 0 && subtracted.Count == 0 && ored.Count == 0)
            return RoaringBitmap.AndCardinality([.. positive], [.. negative]);
        var count = new Counting([.. positive], [.. ored], [.. negative], [.. compared], [.. subtracted]);
        var keys = positive[0].ContainerCount;
        return keys < SharedChunks.FromKeys || Environment.ProcessorCount < 2 ? count.Alone(keys) : count.Shared(keys);
    }

    private sealed record Compared(BitSlicedIndex Index, (RangeOperator Op, ulong Offset)[] Passes);

    /// <summary>The parts of one count (<paramref name="Positive"/> smallest first).</summary>
    private sealed record Counting(RoaringBitmap[] Positive, RoaringBitmap[][] Unions, RoaringBitmap[] Negative, Compared[] Included, Compared[] Subtracted)
    {
        /// <summary>Every key on the caller's thread.</summary>
        public long Alone(int keys)
        {
            using var worker = new Worker(this);
            return worker.Count(0, keys);
        }

        /// <summary>The keys shared with a pool thread, <see cref="SharedChunks.ChunkKeys"/> at a time (<see cref="SharedChunks"/>).</summary>
        public long Shared(int keys)
        {
            long total = 0;
            SharedChunks.RunKeys(keys, () => new Worker(this), (worker, _, from, to) => Interlocked.Add(ref total, worker.Count(from, to)));
            return total;
        }

        /// <summary>One thread's buffers, comparers and cursors; it takes keys in increasing order.</summary>
        private sealed class Worker : IDisposable
        {
            private readonly Counting _count;
            private readonly ulong[] _words = WordBuffers.Rent();
            private readonly ulong[] _scratch = WordBuffers.Rent();
            private readonly ulong[] _masked = WordBuffers.Rent();
            private readonly ulong[] _union = WordBuffers.Rent();
            private readonly BsiRange.KeyComparer[] _comparers;
            private readonly BsiRange.KeyComparer[] _subtracters;
            private readonly int[] _positiveAt;
            private readonly int[] _negativeAt;
            private readonly int[] _subtractedAt;
            private readonly int[][] _unionAt;

            public Worker(Counting count)
            {
                _count = count;
                _comparers = [.. count.Included.Select(c => c.Index.Comparer(c.Passes))];
                _subtracters = [.. count.Subtracted.Select(c => c.Index.Comparer(c.Passes))];
                _positiveAt = new int[count.Positive.Length];
                _negativeAt = new int[count.Negative.Length];
                _subtractedAt = new int[count.Subtracted.Length];
                _unionAt = [.. count.Unions.Select(u => new int[u.Length])];
            }

            /// <summary>The count over the keys <paramref name="from"/> (inclusive) to <paramref name="to"/> of the smallest part.</summary>
            public long Count(int from, int to)
            {
                var (positive, negative, subtracted) = (_count.Positive, _count.Negative, _count.Subtracted);
                var (words, scratch, masked) = (_words, _scratch, _masked);
                var lead = positive[0];
                long total = 0;
                for (var k = from; k < to; k++)
                {
                    var key = lead.Keys[k];
                    _positiveAt[0] = k;
                    var present = true;
                    for (var i = 1; i < positive.Length && present; i++)
                        present = RoaringBitmap.Seek(positive[i], key, ref _positiveAt[i]);
                    if (!present)
                        continue;
                    RoaringBitmap.Load(lead.ContainerAt(k), words);
                    for (var i = 1; i < positive.Length; i++)
                        BitsetOps.Apply<AndOp>(words, RoaringBitmap.WordsOf(positive[i].ContainerAt(_positiveAt[i]), scratch), words);
                    for (var u = 0; u < _count.Unions.Length && !Empty(words); u++)
                        BitsetOps.Apply<AndOp>(words, Union(u, key), words);
                    for (var i = 0; i < negative.Length; i++)
                        if (RoaringBitmap.Seek(negative[i], key, ref _negativeAt[i]))
                            BitsetOps.Apply<AndNotOp>(words, RoaringBitmap.WordsOf(negative[i].ContainerAt(_negativeAt[i]), scratch), words);
                    // Every range's persons with a value are among the parts above, so each comparison starts from what is left.
                    for (var r = 0; r < _comparers.Length && !Empty(words); r++)
                        _comparers[r].Compare(key, words).CopyTo(words, 0);
                    for (var s = 0; s < _subtracters.Length && !Empty(words); s++)
                    {
                        if (!RoaringBitmap.Seek(subtracted[s].Index.NotNull, key, ref _subtractedAt[s]))
                            continue;
                        BitsetOps.Apply<AndOp>(words, RoaringBitmap.WordsOf(subtracted[s].Index.NotNull.ContainerAt(_subtractedAt[s]), scratch), masked);
                        BitsetOps.Apply<AndNotOp>(words, _subtracters[s].Compare(key, masked), words);
                    }
                    total += BitsetOps.PopCount(words);
                }
                return total;
            }

            /// <summary>The union's members at <paramref name="key"/>, ORed (all clear when none has the key).</summary>
            private ulong[] Union(int u, ushort key)
            {
                var members = _count.Unions[u];
                Array.Clear(_union);
                for (var m = 0; m < members.Length; m++)
                    if (RoaringBitmap.Seek(members[m], key, ref _unionAt[u][m]))
                        members[m].ContainerAt(_unionAt[u][m]).SetBits(_union);
                return _union;
            }

            public void Dispose()
            {
                foreach (var buffer in new[] { _words, _scratch, _masked, _union })
                    WordBuffers.Return(buffer);
                foreach (var comparer in _comparers.Concat(_subtracters))
                    comparer.Dispose();
            }

            private static bool Empty(ulong[] words) => words.AsSpan().IndexOfAnyExcept(0UL) < 0;
        }
    }
}
