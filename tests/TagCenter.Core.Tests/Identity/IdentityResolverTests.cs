using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Identity;

namespace TagCenter.Core.Tests.Identity;

public sealed class IdentityResolverTests
{
    // member_no(0) limit 1, phone(1) limit 2, email(2), device_id(3) weak, cookie(4) weak
    private static readonly IdentifierTypeRule[] Rules =
    [
        new("member_no", 1, 1, false), new("phone", 3, 2, false), new("email", 4, null, false),
        new("device_id", 6, 5, true), new("cookie", 7, null, true),
    ];

    private static IdentityResolution Resolve(byte[] types, params (int A, int B)[] edges) =>
        IdentityResolver.Resolve(new IdentityGraphInput(Rules, types, new long[types.Length],
            edges.Select(e => e.A).ToArray(), edges.Select(e => e.B).ToArray()));

    [Fact]
    public void Resolve_TwoMemberNumbersViaSharedPhone_NotMergedConflictRecorded()
    {
        // 0 = M1, 1 = M2, 2 = phone P
        var result = Resolve([0, 0, 1], (0, 2), (1, 2));

        result.Person[0].ShouldNotBe(result.Person[1]);
        result.Person[2].ShouldBe(result.Person[0]); // first by node order keeps the phone
        var conflict = result.Conflicts.ShouldHaveSingleItem();
        Rules[conflict.LimitedType].Name.ShouldBe("member_no");
        result.Cluster.Distinct().Count().ShouldBe(1); // still one cluster: incremental runs recompute it together
    }

    [Fact]
    public void Resolve_StrongerEdgeFirst_WeakerEdgeCut()
    {
        // 0 = M1, 1 = M2, 2 = phone, 3 = email. M2–phone (rank phone) beats M1–email–phone chain (rank email).
        var result = Resolve([0, 0, 1, 2], (0, 3), (3, 2), (1, 2));

        result.Person[1].ShouldBe(result.Person[2]);
        result.Person[0].ShouldBe(result.Person[3]);
        result.Person[0].ShouldNotBe(result.Person[1]);
    }

    [Fact]
    public void Resolve_PhoneLimitTwo_ThirdPhoneCut()
    {
        var result = Resolve([0, 1, 1, 1], (0, 1), (0, 2), (0, 3));

        result.Person.Count(p => p == result.Person[0]).ShouldBe(3);
        result.Conflicts.ShouldHaveSingleItem().LimitedType.ShouldBe(1);
    }

    [Fact]
    public void Resolve_SharedFamilyIpad_AttachesToOneMemberOnly()
    {
        // 0 = M1, 1 = phone of M1, 2 = M2, 3 = device linked to M1 through two identifiers and to M2 through one
        var result = Resolve([0, 1, 0, 3], (2, 3), (0, 1), (0, 3), (1, 3));

        result.Person[0].ShouldNotBe(result.Person[2]);
        result.Person[3].ShouldBe(result.Person[0]);
        result.Conflicts.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_AnonymousDeviceAndCookie_OnePerson()
    {
        var result = Resolve([3, 4], (0, 1));

        result.Person[0].ShouldBe(result.Person[1]);
    }

    [Fact]
    public void Resolve_WeakChain_NeverLinksTwoMembers()
    {
        // M1–device, M2–cookie, device–cookie: the weak–weak edge must not join M1 and M2.
        var result = Resolve([0, 0, 3, 4], (0, 2), (1, 3), (2, 3));

        result.Person[0].ShouldNotBe(result.Person[1]);
    }

    [Fact]
    public void Resolve_Anchor_OldestThenStrongest()
    {
        var graph = new IdentityGraphInput(Rules, [1, 0, 2], [5, 5, 1], [0, 1], [1, 2]);

        var result = IdentityResolver.Resolve(graph);

        result.Person.ShouldAllBe(p => p == 2); // the email was seen first
    }

    private static Gen<IdentityGraphInput> Graphs(IdentifierTypeRule[] rules) =>
        from n in Gen.Choose(1, 40)
        from types in Gen.ArrayOf(Gen.Choose(0, rules.Length - 1).Select(t => (byte)t), n)
        from seen in Gen.ArrayOf(Gen.Choose(0, 5).Select(s => (long)s), n)
        from m in Gen.Choose(0, 60)
        from a in Gen.ArrayOf(Gen.Choose(0, n - 1), m)
        from b in Gen.ArrayOf(Gen.Choose(0, n - 1), m)
        select new IdentityGraphInput(rules, types, seen, a, b);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Resolve_NoLimitsNoWeakTypes_EqualsBreadthFirstSearch()
    {
        IdentifierTypeRule[] plain = [new("a", 1, null, false), new("b", 2, null, false), new("c", 3, null, false)];
        return Prop.ForAll(Graphs(plain).ToArbitrary(), graph =>
        {
            var result = IdentityResolver.Resolve(graph);
            var bfs = BreadthFirstComponents(graph);
            return SamePartition(result.Person, bfs) && SamePartition(result.Cluster, bfs);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Resolve_Limits_NeverExceeded() =>
        Prop.ForAll(Graphs(Rules).ToArbitrary(), graph =>
        {
            var result = IdentityResolver.Resolve(graph);
            return Enumerable.Range(0, graph.NodeCount).GroupBy(i => result.Person[i]).All(person =>
                Rules.Select((rule, t) => rule.Limit is not { } limit || person.Count(i => graph.NodeType[i] == t) <= limit).All(ok => ok));
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Resolve_EdgeOrder_DoesNotMatter() =>
        Prop.ForAll(Graphs(Rules).ToArbitrary(), ArbMap.Default.ArbFor<int>(), (graph, seed) =>
        {
            var order = Enumerable.Range(0, graph.EdgeFrom.Length).OrderBy(_ => new Random(seed).Next()).ToArray();
            var shuffled = new IdentityGraphInput(Rules, graph.NodeType, graph.FirstSeen,
                order.Select(e => graph.EdgeTo[e]).ToArray(), order.Select(e => graph.EdgeFrom[e]).ToArray());
            return IdentityResolver.Resolve(graph).Person.SequenceEqual(IdentityResolver.Resolve(shuffled).Person);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Incremental_EqualsFullRebuild() =>
        Prop.ForAll(Graphs(Rules).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (graph, percent) =>
        {
            var split = graph.EdgeFrom.Length * percent / 100;
            var old = new IdentityGraphInput(Rules, graph.NodeType, graph.FirstSeen, graph.EdgeFrom[..split], graph.EdgeTo[..split]);
            var incremental = IncrementalIdentity.Apply(graph, IdentityResolver.Resolve(old), split);
            var full = IdentityResolver.Resolve(graph);
            return incremental.Person.SequenceEqual(full.Person) && incremental.Cluster.SequenceEqual(full.Cluster)
                && incremental.Conflicts.Count == full.Conflicts.Count;
        });

    private static int[] BreadthFirstComponents(IdentityGraphInput graph)
    {
        var adjacency = Enumerable.Range(0, graph.NodeCount).Select(_ => new List<int>()).ToArray();
        for (var e = 0; e < graph.EdgeFrom.Length; e++)
        {
            adjacency[graph.EdgeFrom[e]].Add(graph.EdgeTo[e]);
            adjacency[graph.EdgeTo[e]].Add(graph.EdgeFrom[e]);
        }
        var component = Enumerable.Repeat(-1, graph.NodeCount).ToArray();
        for (var start = 0; start < graph.NodeCount; start++)
        {
            if (component[start] >= 0)
                continue;
            var queue = new Queue<int>([start]);
            component[start] = start;
            while (queue.TryDequeue(out var node))
                foreach (var next in adjacency[node].Where(x => component[x] < 0))
                {
                    component[next] = start;
                    queue.Enqueue(next);
                }
        }
        return component;
    }

    private static bool SamePartition(int[] a, int[] b) =>
        Enumerable.Range(0, a.Length).All(i => Enumerable.Range(0, a.Length).All(j => (a[i] == a[j]) == (b[i] == b[j])));
}
