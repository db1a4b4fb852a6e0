using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Index;
using TagCenter.Server.Ingest;
using TagCenter.Server.Realtime;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Realtime;

/// <summary>
/// The live path: an event of a person the identity graph already knows updates their real-time tags, segments and
/// index row in memory as soon as it is durable, before the consumer applies it; once the consumer has, the committed
/// path's stored values are the live ones.
/// </summary>
public sealed class LiveRealtimeTests(DemoWorkspace demo) : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KnownPerson_LiveBeforeTheConsumer_CountsEveryEvent_AndTheIndexHasIt()
    {
        // The user logs in once (identify, applied), then the server restarts with the consumer off: whatever changes
        // comes from the live path alone.
        var root = demo.Copy(_temp);
        string oneId;
        await using (var first = await IngestServer.StartAsync(root))
            oneId = await first.IdentifyAsync("u-live-a");
        await using var server = await IngestServer.StartAsync(root, new IngestOptions { Consume = false });
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var applied = server.Progress.Applied;
        var email = "u-live-a";
        // Read ahead at start: a person with an SDK userId is held before their first event.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (live.Evaluator.Cold && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        live.Evaluator.Person(oneId).ShouldNotBeNull("read ahead: the user logged in before the restart");
        var firstBatch = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Updated += (outcome, _) => firstBatch.TrySetResult(outcome.Loaded);

        (await server.PostAsync("/v1/batch", Batch(email, "live-a", 1))).Status.ShouldBe(200);
        var once = await LiveAsync(live, oneId, 0);
        (await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(0, "nothing read from the engine for the first event: the person was held");
        var visits = Convert.ToInt64(once.Tags["visits_30d"]);
        visits.ShouldBeGreaterThanOrEqualTo(1);

        // Seven more page views and an event that is not a visit: seven more visits (the rule counts app_start and page_view).
        (await server.PostAsync("/v1/batch", Batch(email, "live-b", 7, extra: "Order Completed"))).Status.ShouldBe(200);
        var after = await LiveAsync(live, oneId, once.LastOffset + 8);
        Convert.ToInt64(after.Tags["visits_30d"]).ShouldBe(visits + 7);
        after.Tags["activity_level"].ShouldBe(visits + 7 >= 20 ? "高" : visits + 7 >= 5 ? "中" : "低");
        server.Progress.Applied.ShouldBe(applied, "the consumer is off: nothing was applied to the engine");

        var ordinal = await server.Api.App.Services.GetRequiredService<Server.Hosting.WorkspaceHost>().ReadAsync((db, _) =>
            db.Scalar<uint>("SELECT ordinal FROM person_ordinals WHERE oneid = $1", oneId), Ct);
        var index = await server.Api.App.Services.GetRequiredService<Server.Hosting.WorkspaceHost>().ReadAsync((db, _) =>
            server.Api.App.Services.GetRequiredService<Server.Hosting.WorkspaceHost>().Index(db)!, Ct);
        index.Range("visits_30d", RangeOperator.Equal, visits + 7).Contains(ordinal).ShouldBeTrue("the index row is the live one");
    }

    [Fact]
    public async Task WhileTheDiskSyncs_TheEventIsEvaluated_ButCountedOnlyOnceDurable()
    {
        // A slow disk: the live path evaluates the event while the log syncs it (the two overlap, so the sync's time is
        // not added to the evaluation's), and lays it over the index only once it is durable: no count sees an event
        // that is not acknowledged yet.
        var root = demo.Copy(_temp);
        string oneId;
        await using (var first = await IngestServer.StartAsync(root))
            oneId = await first.IdentifyAsync("u-live-f");
        await using var server = await IngestServer.StartAsync(root, new IngestOptions { Consume = false });
        var services = server.Api.App.Services;
        var (live, host, ingest) = (services.GetRequiredService<LiveRealtime>(), services.GetRequiredService<Server.Hosting.WorkspaceHost>(), services.GetRequiredService<IngestService>());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (live.Evaluator.Person(oneId) is null && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        var visits = Convert.ToInt64(live.Evaluator.Person(oneId).ShouldNotBeNull("read ahead").Tags.GetValueOrDefault("visits_30d"));
        var ordinal = await host.ReadAsync((db, _) => db.Scalar<uint>("SELECT ordinal FROM person_ordinals WHERE oneid = $1", oneId), Ct);
        Task<bool> CountedAsync() => host.ReadAsync((db, _) => host.Index(db)!.Range("visits_30d", RangeOperator.Equal, visits + 1).Contains(ordinal), Ct);
        var updates = 0;
        live.Updated += (_, _) => Interlocked.Increment(ref updates);

        var offset = ingest.Log.NextOffset;
        using var disk = new SemaphoreSlim(0);
        ingest.Log.BeforeSync = () => disk.Wait(TimeSpan.FromSeconds(60));
        var post = server.PostAsync("/v1/batch", Batch("u-live-f", "live-f", 1));
        try
        {
            var evaluated = await LiveAsync(live, oneId, offset, laid: false);
            Convert.ToInt64(evaluated.Tags["visits_30d"]).ShouldBe(visits + 1, "evaluated while the disk syncs");
            await Task.Delay(300, Ct);
            ingest.Log.NextOffset.ShouldBe(offset, "the sync is still held: the event is not durable");
            post.IsCompleted.ShouldBeFalse("not acknowledged before it is durable");
            Volatile.Read(ref updates).ShouldBe(0, "nothing is laid over the index before the event is durable");
            (await CountedAsync()).ShouldBeFalse("no count sees an event that is not durable");
        }
        finally
        {
            ingest.Log.BeforeSync = null;
            disk.Release();
        }
        (await post).Status.ShouldBe(200);
        clock.Restart();
        while (Volatile.Read(ref updates) == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        (await CountedAsync()).ShouldBeTrue("laid over the index once durable");
    }

    [Fact]
    public async Task WhenTheSyncFails_WhatWasEvaluatedAhead_IsDropped()
    {
        // The disk fails between the write and the sync: the request is refused (the SDK sends it again), the log
        // stops, and the live path forgets what it evaluated ahead instead of showing an event that was never durable.
        var root = demo.Copy(_temp);
        string oneId;
        await using (var first = await IngestServer.StartAsync(root))
            oneId = await first.IdentifyAsync("u-live-g");
        await using var server = await IngestServer.StartAsync(root, new IngestOptions { Consume = false });
        var services = server.Api.App.Services;
        var (live, ingest) = (services.GetRequiredService<LiveRealtime>(), services.GetRequiredService<IngestService>());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (live.Evaluator.Person(oneId) is null && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        live.Evaluator.Person(oneId).ShouldNotBeNull("read ahead");
        var updates = 0;
        live.Updated += (_, _) => Interlocked.Increment(ref updates);
        var offset = ingest.Log.NextOffset;
        ingest.Log.BeforeSync = () =>
        {
            // The disk fails once the live path has evaluated the event and waits for it to be durable: the failure
            // itself must wake it (it waits for no timeout).
            var wait = System.Diagnostics.Stopwatch.StartNew();
            while (live.Evaluator.Person(oneId) is not { } person || person.LastOffset < offset)
            {
                if (wait.Elapsed > TimeSpan.FromSeconds(10))
                    break;
                Thread.Sleep(1);
            }
            Thread.Sleep(50);
            throw new IOException("the disk is gone");
        };

        (await server.PostAsync("/v1/batch", Batch("u-live-g", "live-g", 1))).Status.ShouldBeGreaterThanOrEqualTo(500, "a server fault: the SDK retries");
        ingest.Log.Faulted.ShouldBeTrue();
        clock.Restart();
        while (live.Evaluator.Person(oneId) is not null && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        live.Evaluator.Person(oneId).ShouldBeNull("what was evaluated ahead of a sync that failed is forgotten");
        Volatile.Read(ref updates).ShouldBe(0, "nothing was laid over the index");
        ingest.Log.NextOffset.ShouldBe(offset);
    }

    [Fact]
    public async Task HeldRows_HaveTheColumnsTheRulesRead_WhetherReadFromTheEngineOrAddedLive()
    {
        // A person's rows are evaluated together: those read from the engine (the columns the rules read, and where the
        // row came from) and those this path added from events must have the same columns, and no more (a live row
        // used to keep every column of the source, a hash table per event for the collector to copy).
        var root = demo.Copy(_temp);
        string oneId;
        await using (var first = await IngestServer.StartAsync(root))
            oneId = await first.IdentifyAsync("u-live-r");
        await using var server = await IngestServer.StartAsync(root, new IngestOptions { Consume = false });
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        (await server.PostAsync("/v1/batch", Batch("u-live-r", "live-r", 2))).Status.ShouldBe(200);
        await LiveAsync(live, oneId, 0);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((live.Evaluator.Rows(oneId, "events") ?? []).Count(Added) < 2 && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);

        var rows = live.Evaluator.Rows(oneId, "events").ShouldNotBeNull();
        var added = rows.Where(Added).ToList();
        var read = rows.Except(added).ToList();
        added.Count.ShouldBe(2, "the two page views were added live (the consumer is off)");
        read.ShouldNotBeEmpty("the demo person has app events in the engine: both kinds of row are compared");
        var columns = read[0].Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var row in rows)
            row.Keys.Order(StringComparer.Ordinal).ShouldBe(columns);
        columns.ShouldContain("_line");
        var table = (await server.RowsAsync("SELECT column_name FROM (DESCRIBE fact_events)")).Select(r => (string)r[0]!).ToList();
        columns.Count.ShouldBeLessThan(table.Count, $"only what the rules read of {string.Join(", ", table)}");
        static bool Added(IReadOnlyDictionary<string, object?> row) => row["_source"] is "sdk_events" && row["event"] is "page_view";
    }

    [Fact]
    public async Task UnknownVisitor_LeftToTheConsumer()
    {
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp), new IngestOptions { Consume = false });
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var seen = new TaskCompletionSource<DuckDb.Realtime.LiveOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Updated += (outcome, _) => seen.TrySetResult(outcome);
        (await server.PostAsync("/v1/batch", Bodies.Bytes($$$"""
            {"batch":[{"type":"track","event":"page_view","anonymousId":"anon-live-new","messageId":"live-new-1","timestamp":"{{{TimeProvider.System.GetUtcNow():O}}}"}],"writeKey":"{{{IngestServer.Key}}}"}
            """))).Status.ShouldBe(200);
        var outcome = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        outcome.Placed.ShouldBe(0);
        outcome.Deferred.ShouldBe(1);
    }

    [Fact]
    public async Task AfterTheConsumer_CommittedValues_AreTheLiveOnes()
    {
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var oneId = await server.IdentifyAsync("u-live-c");
        (await server.PostAsync("/v1/batch", Batch("u-live-c", "live-c", 12))).Status.ShouldBe(200);
        await server.SettledAsync();
        var state = await LiveAsync(live, oneId, 0);
        var stored = (await server.RowsAsync("SELECT visits_30d, activity_level FROM person_tags WHERE oneid = $1", oneId))[0];
        Convert.ToInt64(stored[0]).ShouldBe(Convert.ToInt64(state.Tags["visits_30d"]));
        stored[1].ShouldBe(state.Tags["activity_level"]);
        // The dynamic segments real time evaluates (a board's inline segments follow batch passes only).
        var dynamic = Core.Segments.SegmentCatalog.Load(server.Api.App.Services.GetRequiredService<Server.Hosting.WorkspaceHost>().Definition.Root)
            .Segments.Where(s => s.Type == Core.Segments.SegmentType.Dynamic).Select(s => s.Name).ToHashSet();
        var segments = (await server.RowsAsync("SELECT segment FROM segment_members WHERE oneid = $1 AND to_seq IS NULL ORDER BY segment", oneId))
            .Select(r => (string)r[0]!).Where(dynamic.Contains).ToList();
        state.Segments.ShouldBe(segments);
        (await server.RowsAsync($"SELECT count(*) FROM segment_members WHERE segment IN ({string.Join(", ", dynamic.Select(d => $"'{d}'"))})"))[0][0].ShouldNotBe(0L,
            "the demo's dynamic segments have members: the comparison is not of two empty lists by construction");
    }

    [Fact]
    public async Task JustIdentified_IsReadAhead_SoTheirFirstEventReadsNothing()
    {
        // The server is warm before the user logs in: the identify, once committed, names a person the live path
        // does not hold; it reads them while idle, so their first event waits for no engine read.
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var oneId = await server.IdentifyAsync("u-live-d");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (live.Evaluator.Person(oneId) is null && clock.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(10, Ct);
        live.Evaluator.Person(oneId).ShouldNotBeNull("read ahead once the identify was committed, before any event of theirs");
        var firstBatch = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Updated += (outcome, _) => firstBatch.TrySetResult(outcome.Loaded);
        (await server.PostAsync("/v1/batch", Batch("u-live-d", "live-d", 1))).Status.ShouldBe(200);
        (await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBe(0, "nothing read from the engine for the first event");
    }

    [Fact]
    public async Task AfterTheIdentityRunMovesAnIdentifier_ItsNextEventIsTheNewPersons()
    {
        // u-live-m logs in as person A, and an event of theirs is placed live (the path now knows u-live-m → A). Then
        // they log in with the email of person B: A and B each hold a member number, so they cannot merge, and the
        // identity run cuts the userId over to B (a split). Their next event is B's, not A's.
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var live = server.Api.App.Services.GetRequiredService<LiveRealtime>();
        var emails = await server.RowsAsync("SELECT value, oneid FROM identity_map WHERE type = 'email' AND entity = 'person' ORDER BY oneid");
        var (a, b) = (emails[0], emails[^1]); // of two as old, the larger OneID survives a merge (checked below)
        var personA = await server.IdentifyAsync("u-live-m", (string)a[0]!);
        (await server.PostAsync("/v1/batch", Batch("u-live-m", "live-m1", 1))).Status.ShouldBe(200);
        await LiveAsync(live, personA, 0);
        await server.IdentifyAsync("u-live-m", (string)b[0]!, expected: (string)b[1]!);
        var survivor = (string)b[1]!; // B
        (await server.RowsAsync("SELECT count(*) FROM identity_history WHERE kind = 'split' AND oneid = $1 AND other_oneid = $2", survivor, personA))[0][0]
            .ShouldBe(1L, "the userId moved from A to B (a member may hold one member number, so A and B do not merge): the case under test");

        (await server.PostAsync("/v1/batch", Batch("u-live-m", "live-m2", 1))).Status.ShouldBe(200);
        await server.SettledAsync();
        var offset = (await server.RowsAsync("SELECT max(_line) FROM fact_events WHERE oneid = $1 AND _source = 'sdk_events'", survivor))[0][0];
        var state = await LiveAsync(live, survivor, Convert.ToInt64(offset));
        state.LastOffset.ShouldBe(Convert.ToInt64(offset));
        live.Evaluator.Person(personA)?.LastOffset.ShouldBeLessThan(Convert.ToInt64(offset), "A holds no event after the split");
    }

    [Fact]
    public async Task AfterASplit_ThePersonWhoLostRows_IsEvaluatedAgain()
    {
        // A's page view (sent as u-live-s) moves to B when the identity run cuts u-live-s over to B: A's stored
        // visits_30d is again what it was before that page view.
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var emails = await server.RowsAsync("SELECT value, oneid FROM identity_map WHERE type = 'email' AND entity = 'person' ORDER BY oneid");
        var (a, b) = (emails[0], emails[^1]); // the pair the identity run splits toward B (see the test above)
        var personA = await server.IdentifyAsync("u-live-s", (string)a[0]!);
        async Task<long> VisitsAsync(string oneId) => Convert.ToInt64((await server.RowsAsync("SELECT coalesce(visits_30d, 0) FROM person_tags WHERE oneid = $1", oneId))[0][0]);
        var beforeA = await VisitsAsync(personA);
        (await server.PostAsync("/v1/batch", Batch("u-live-s", "live-s1", 1))).Status.ShouldBe(200);
        await server.SettledAsync();
        (await VisitsAsync(personA)).ShouldBe(beforeA + 1, "the page view counts for A while u-live-s is A's");

        await server.IdentifyAsync("u-live-s", (string)b[0]!, expected: (string)b[1]!);
        (await server.RowsAsync("SELECT count(*) FROM identity_history WHERE kind = 'split' AND oneid = $1 AND other_oneid = $2", (string)b[1]!, personA))[0][0]
            .ShouldBe(1L, "u-live-s moved from A to B: the case under test");
        (await server.RowsAsync("SELECT oneid FROM fact_events WHERE _source = 'sdk_events' AND event = 'page_view' AND _line = (SELECT max(_line) FROM fact_events WHERE _source = 'sdk_events' AND event = 'page_view')"))[0][0]
            .ShouldBe(b[1], "the page view's row moved with the userId");
        (await VisitsAsync(personA)).ShouldBe(beforeA, "A lost the page view: evaluated again though no event of the batch is A's");
    }

    /// <summary>
    /// The person's live state once it holds the event at <paramref name="offset"/> or later and, unless
    /// <paramref name="laid"/> is false, that update is laid over the index (the state is evaluated while the log
    /// syncs, ahead of the index: CI once read the index in between).
    /// </summary>
    private static async Task<(IReadOnlyDictionary<string, object?> Tags, IReadOnlyList<string> Segments, long LastOffset)> LiveAsync(LiveRealtime live, string oneId, long offset, bool laid = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (live.Evaluator.Person(oneId) is { } state && state.LastOffset >= offset && (!laid || live.LaidThrough >= state.LastOffset))
                return state;
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException($"the live path holds no event at offset {offset} of {oneId}: {live.Last}");
            await Task.Delay(10, Ct);
        }
    }

    /// <summary><paramref name="views"/> page views of a user the identity graph knows, and optionally one other event.</summary>
    private static byte[] Batch(string userId, string prefix, int views, string? extra = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var messages = Enumerable.Range(0, views).Select(i => Track("page_view", $"{prefix}-{i}", userId, now)).ToList();
        if (extra is not null)
            messages.Add(Track(extra, $"{prefix}-x", userId, now));
        return Bodies.Bytes($$$"""{"batch":[{{{string.Join(",", messages)}}}],"writeKey":"{{{IngestServer.Key}}}"}""");
    }

    private static string Track(string name, string messageId, string userId, DateTimeOffset at) =>
        $$$"""{"type":"track","event":"{{{name}}}","userId":"{{{userId}}}","messageId":"{{{messageId}}}","timestamp":"{{{at:O}}}"}""";

    public void Dispose() => _temp.Dispose();
}
