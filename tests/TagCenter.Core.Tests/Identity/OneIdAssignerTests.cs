using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Identity;

namespace TagCenter.Core.Tests.Identity;

public sealed class OneIdAssignerTests
{
    private static readonly IdentifierTypeRule[] Rules =
    [
        new("member_no", 1, 1, false), new("phone", 3, 2, false), new("email", 4, null, false),
        new("device_id", 6, 5, true), new("cookie", 7, null, true),
    ];

    private static IdentityGraphInput Graph(byte[] types, long[] seen, params (int A, int B)[] edges) =>
        new(Rules, types, seen, edges.Select(e => e.A).ToArray(), edges.Select(e => e.B).ToArray());

    private static OneIdAssignment Assign(IdentityGraphInput graph, int[]? previous = null, int previousCount = 0) =>
        OneIdAssigner.Assign(graph, IdentityResolver.Resolve(graph), previous ?? Enumerable.Repeat(-1, graph.NodeCount).ToArray(), previousCount);

    /// <summary>The next run's previous ids: this run's, renumbered oldest first as the map stores them.</summary>
    private static (int[] Previous, int Count) Carry(OneIdAssignment a) => (a.Id, a.PreviousCount + a.NewAnchors.Length);

    [Fact]
    public void Assign_NoPreviousRun_NewIdsOldestPersonFirst()
    {
        // person {0,1} first seen at 5, person {2} at 1
        var result = Assign(Graph([0, 1, 0], [5, 6, 1], (0, 1)));

        result.Id.ShouldBe([1, 1, 0]);
        result.NewAnchors.ShouldBe([2, 0]);
        result.Merges.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_OldestSightingMoves_IdKept()
    {
        var first = Assign(Graph([0, 1], [5, 1], (0, 1)));
        var (previous, count) = Carry(first);

        // The phone's early sighting is gone: the member is now the anchor, but the person keeps its id.
        var second = Assign(Graph([0, 1], [5, 9], (0, 1)), previous, count);

        second.Id.ShouldBe(first.Id);
        second.NewAnchors.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_TwoPersonsMerge_OlderIdSurvivesOtherMerged()
    {
        // previous: {0,1} had id 1, {2,3} had id 0 (older); now linked
        var result = Assign(Graph([0, 1, 1, 2], [1, 1, 2, 2], (0, 1), (1, 2), (2, 3)), [1, 1, 0, 0], 2);

        result.Id.ShouldAllBe(id => id == 0);
        result.Merges.ShouldBe([new OneIdMerge(1, 0)]);
        result.Splits.ShouldBeEmpty();
    }

    [Fact]
    public void Assign_Split_LargerPartKeepsIdOtherPartNew()
    {
        // previous: all four nodes were one person (id 0); now {0,1,2} and {3}
        var result = Assign(Graph([0, 1, 2, 0], [9, 9, 9, 1], (0, 1), (1, 2)), [0, 0, 0, 0], 1);

        result.Id.ShouldBe([0, 0, 0, 1]);
        result.Splits.ShouldBe([new OneIdSplit(1, 0)]);
        result.Merges.ShouldBeEmpty();
    }

    private static Gen<IdentityGraphInput> Graphs() =>
        from n in Gen.Choose(1, 24)
        from types in Gen.ArrayOf(Gen.Choose(0, Rules.Length - 1).Select(t => (byte)t), n)
        from seen in Gen.ArrayOf(Gen.Choose(0, 5).Select(s => (long)s), n)
        from m in Gen.Choose(0, 40)
        from a in Gen.ArrayOf(Gen.Choose(0, n - 1), m)
        from b in Gen.ArrayOf(Gen.Choose(0, n - 1), m)
        select new IdentityGraphInput(Rules, types, seen, a, b);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Assign_SameGraphAgain_NoIdChanges() =>
        Prop.ForAll(Graphs().ToArbitrary(), graph =>
        {
            var (previous, count) = Carry(Assign(graph));
            var again = Assign(graph, previous, count);
            return again.Id.SequenceEqual(previous) && again.NewAnchors.Length == 0 && again.Merges.Count == 0 && again.Splits.Count == 0;
        });

    /// <summary>Removing a source whose links are all seen elsewhere too: its rows moved the oldest sightings, nothing else.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Assign_SourceRemovedThatSplitsNothing_NoIdChanges() =>
        Prop.ForAll(Graphs().ToArbitrary(), ArbMap.Default.ArbFor<int>(), (graph, seed) =>
        {
            var random = new Random(seed);
            var repeated = Enumerable.Range(0, graph.EdgeFrom.Length).Where(_ => random.Next(2) == 0).ToArray();
            var earlier = graph.FirstSeen.Select(s => random.Next(3) == 0 ? s - 10 : s).ToArray();
            var withSource = new IdentityGraphInput(Rules, graph.NodeType, earlier,
                [.. graph.EdgeFrom, .. repeated.Select(e => graph.EdgeTo[e])], [.. graph.EdgeTo, .. repeated.Select(e => graph.EdgeFrom[e])]);
            var (previous, count) = Carry(Assign(withSource));

            var without = Assign(graph, previous, count);

            return without.Id.SequenceEqual(previous) && without.Merges.Count == 0 && without.Splits.Count == 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Assign_RowOrder_DoesNotMatter() =>
        Prop.ForAll(Graphs().ToArbitrary(), Graphs().ToArbitrary(), ArbMap.Default.ArbFor<int>(), (earlier, graph, seed) =>
        {
            // Previous ids from an unrelated earlier graph over as many nodes, so merges and splits happen.
            var n = graph.NodeCount;
            var old = Assign(new IdentityGraphInput(Rules, graph.NodeType, graph.FirstSeen,
                earlier.EdgeFrom.Where(x => x < n).Zip(earlier.EdgeTo.Where(x => x < n)).Select(p => p.First).ToArray(),
                earlier.EdgeFrom.Where(x => x < n).Zip(earlier.EdgeTo.Where(x => x < n)).Select(p => p.Second).ToArray()));
            var (previous, count) = Carry(old);
            var order = Enumerable.Range(0, graph.EdgeFrom.Length).OrderBy(_ => new Random(seed).Next()).ToArray();
            var shuffled = new IdentityGraphInput(Rules, graph.NodeType, graph.FirstSeen,
                order.Select(e => graph.EdgeTo[e]).ToArray(), order.Select(e => graph.EdgeFrom[e]).ToArray());

            var a = Assign(graph, previous, count);
            var b = Assign(shuffled, previous, count);

            return a.Id.SequenceEqual(b.Id) && a.Merges.SequenceEqual(b.Merges) && a.Splits.SequenceEqual(b.Splits);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Assign_EveryPersonOneId_PreviousIdsNeverShared() =>
        Prop.ForAll(Graphs().ToArbitrary(), Graphs().ToArbitrary(), (earlier, graph) =>
        {
            var n = graph.NodeCount;
            var previous = Enumerable.Range(0, n).Select(i => i < earlier.NodeCount ? earlier.NodeType[i] % 3 : -1).ToArray();
            var result = Assign(graph, previous, 3);
            var resolution = IdentityResolver.Resolve(graph);
            var idsPerPerson = Enumerable.Range(0, n).GroupBy(i => resolution.Person[i]).Select(g => g.Select(i => result.Id[i]).Distinct().Count());
            var personsPerId = Enumerable.Range(0, n).GroupBy(i => result.Id[i]).Select(g => g.Select(i => resolution.Person[i]).Distinct().Count());
            return idsPerPerson.All(c => c == 1) && personsPerId.All(c => c == 1);
        });
}
