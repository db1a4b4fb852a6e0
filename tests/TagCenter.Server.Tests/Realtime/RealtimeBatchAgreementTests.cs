using FsCheck;
using FsCheck.Fluent;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// The issue's "real time = batch": random event streams for a few persons, applied through the real-time listener,
/// leave the same real-time tag values, the same open history intervals and the same segment memberships as a batch
/// refresh of those tags followed by a segment pass over the same data at the same as-of (the batch path is the SQL
/// compiler's, the real-time path the in-memory evaluator's: two implementations of one definition).
/// </summary>
public sealed class RealtimeBatchAgreementTests(DemoWorkspace demo)
{
    private sealed record Stream(int Hours, IReadOnlyList<(int Person, string Event, int Minutes)> Events);

    private static readonly Gen<Stream> Streams =
        from hours in Gen.Choose(0, 24 * 40)
        from events in Gen.NonEmptyListOf(
            from person in Gen.Choose(0, 7)
            from kind in Gen.Elements("app_start", "page_view", "product_view", "order")
            from minutes in Gen.Choose(-45 * 24 * 60, 24 * 60)
            select (person, kind, minutes))
        select new Stream(hours, [.. events.Take(12)]);

    [Fact]
    public async Task Replay_RandomEventStreams_SameAsBatchRun()
    {
        await using var rt = await RealtimeDemo.StartAsync(demo);
        // New customers (the 新客未下单 segment turns on orders) and others, so segments move both ways.
        var persons = (await rt.PersonsAsync("lifecycle_stage = '新客'", 4)).Concat(await rt.PersonsAsync("lifecycle_stage <> '新客'", 4)).ToList();
        persons.Count.ShouldBe(8);
        var checkedChanges = 0;
        foreach (var stream in Streams.Sample(20, 12))
        {
            var asOf = RealtimeDemo.DemoAsOf.AddHours(stream.Hours);
            var events = stream.Events.Select(e => new FactEvent(persons[e.Person], e.Event, asOf.AddMinutes(e.Minutes))).ToList();
            var touched = events.Select(e => e.OneId).Distinct().ToList();
            var before = await rt.StateAsync(touched);
            await rt.AddAsync(events);
            await rt.ApplyAsync(touched, asOf);
            var realtime = await rt.StateAsync(touched);
            await rt.BatchAsync(asOf);
            var batch = await rt.StateAsync(touched);
            foreach (var id in touched)
            {
                var why = $"person {id} after {string.Join(", ", events)} as of {asOf:yyyy-MM-dd HH:mm}";
                realtime[id].History.ShouldBe(realtime[id].Stored, "history intervals vs person_tags: " + why);
                realtime[id].ShouldBe(batch[id], why);
                if (before[id] != realtime[id])
                    checkedChanges++;
            }
        }
        checkedChanges.ShouldBeGreaterThan(0, "the streams changed nobody: the comparison proved nothing");
    }
}
