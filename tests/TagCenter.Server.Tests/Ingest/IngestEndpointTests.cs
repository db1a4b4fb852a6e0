using System.Text.Json;
using System.Text.Json.Nodes;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>The Segment-compatible endpoints over HTTP, as analytics-node calls them, through to the rows the consumer applies.</summary>
public sealed class IngestEndpointTests(DemoWorkspace demo)
{
    private const string IdentifyId = "node-next-1795384382254-380d588c-916a-44f1-9108-bf234e728054";

    [Fact]
    public async Task CapturedBatch_IsAcknowledgedAndApplied_AsRowsWithAPerson()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes(Bodies.Captured()));
        status.ShouldBe(200, body);
        JsonDocument.Parse(body).RootElement.GetProperty("success").GetBoolean().ShouldBeTrue();
        server.Ingest.Log.NextOffset.ShouldBe(3);   // acknowledged ⇒ already in the log
        await server.CaughtUpAsync();

        var rows = await server.RowsAsync("SELECT event_id, type, event, user_id, revenue::VARCHAR, phone, email FROM src_sdk_events ORDER BY _line");
        rows.Select(r => (string)r[1]!).ShouldBe(["identify", "track", "page"]);
        rows[0][0].ShouldBe(IdentifyId);
        rows[1][2].ShouldBe("Order Completed");
        rows[1][4].ShouldBe("129.80");
        rows[0][5].ShouldBe("+8613800000001");   // "+86 13800000001" standardised as every phone column is
        rows[0][6].ShouldBe("user0001@example.com");
        // All three rows belong to one person, who now carries the user id, the phone and the email.
        var persons = await server.RowsAsync("SELECT DISTINCT oneid FROM fact_events WHERE _source = 'sdk_events'");
        persons.Count.ShouldBe(1);
        persons[0][0].ShouldNotBeNull();
        var identifiers = await server.RowsAsync("SELECT type, value FROM identity_map WHERE oneid = $1 ORDER BY type", persons[0][0]);
        identifiers.Select(r => $"{r[0]}:{r[1]}").ShouldBe(["email:user0001@example.com", "phone:+8613800000001", "user_id:shop-user-0001"], ignoreOrder: true);
        (await server.CountAsync("SELECT next_offset FROM ingest_offsets")).ShouldBe(3);
    }

    [Fact]
    public async Task SameBatchAgain_IsAcknowledged_AndChangesNothing()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var body = Bodies.Bytes(Bodies.Captured());
        (await server.PostAsync("/v1/batch", body)).Status.ShouldBe(200);
        await server.CaughtUpAsync();
        (await server.PostAsync("/v1/batch", body)).Status.ShouldBe(200);
        (await server.PostAsync("/v1/batch", body)).Status.ShouldBe(200);
        server.Ingest.Log.NextOffset.ShouldBe(3);
        await server.CaughtUpAsync();
        (await server.CountAsync("SELECT count(*) FROM src_sdk_events")).ShouldBe(3);
        (await server.CountAsync("SELECT count(*) FROM fact_events WHERE _source = 'sdk_events'")).ShouldBe(3);
    }

    [Theory]
    [InlineData("identify", """{"userId":"u-1","traits":{"email":"A@Example.com"},"messageId":"m-identify"}""")]
    [InlineData("track", """{"userId":"u-1","event":"Signed Up","properties":{"category":"Beauty"},"messageId":"m-track"}""")]
    [InlineData("page", """{"anonymousId":"a-1","name":"Home","properties":{"path":"/"},"messageId":"m-page"}""")]
    [InlineData("screen", """{"anonymousId":"a-1","name":"Cart","messageId":"m-screen"}""")]
    [InlineData("group", """{"userId":"u-1","groupId":"g-42","traits":{"name":"ACME"},"messageId":"m-group"}""")]
    [InlineData("alias", """{"userId":"u-1","previousId":"a-1","messageId":"m-alias"}""")]
    public async Task SingleCall_IsAppliedAsOneRowOfItsType(string type, string message)
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var (status, body) = await server.PostAsync("/v1/" + type, Bodies.Bytes(message));
        status.ShouldBe(200, body);
        await server.CaughtUpAsync();
        var rows = await server.RowsAsync("SELECT type, event_id, ts IS NOT NULL FROM src_sdk_events");
        var quarantined = await server.RowsAsync("SELECT \"column\", reason, raw_row FROM quarantine WHERE source = 'sdk_events'");
        rows.Count.ShouldBe(1, string.Join("; ", quarantined.Select(q => string.Join(" | ", q))));
        rows[0][0].ShouldBe(type);
        rows[0][1].ShouldBe("m-" + type);
        rows[0][2].ShouldBe(true);   // no timestamp sent: the time it arrived
    }

    [Fact]
    public async Task Alias_JoinsTheAnonymousVisitorToTheUser_InOnePerson()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        (await server.PostAsync("/v1/batch", Bodies.Bytes("""
            {"batch":[{"type":"page","anonymousId":"anon-9","name":"Home","messageId":"p1"},
                      {"type":"identify","userId":"user-9","traits":{"email":"nine@example.com"},"messageId":"i1"}]}
            """))).Status.ShouldBe(200);
        await server.CaughtUpAsync();
        (await server.CountAsync("SELECT count(DISTINCT oneid) FROM fact_events WHERE _source = 'sdk_events'")).ShouldBe(2);
        var mergesBefore = await server.CountAsync("SELECT count(*) FROM identity_history WHERE kind = 'merged'");
        (await server.PostAsync("/v1/alias", Bodies.Bytes("""{"userId":"user-9","previousId":"anon-9","messageId":"a1"}"""))).Status.ShouldBe(200);
        await server.CaughtUpAsync();
        var debug = string.Join("\n", (await server.RowsAsync("SELECT type, value, oneid FROM identity_map WHERE value IN ('anon-9', 'user-9', 'nine@example.com')"))
            .Concat(await server.RowsAsync("SELECT _line, type, oneid FROM fact_events WHERE _source = 'sdk_events'")).Select(r => string.Join(" | ", r)));
        (await server.CountAsync("SELECT count(DISTINCT oneid) FROM fact_events WHERE _source = 'sdk_events'")).ShouldBe(1, debug);
        (await server.CountAsync("""
            SELECT count(DISTINCT oneid) FROM identity_map WHERE (type, value) IN (('anonymous_id', 'anon-9'), ('user_id', 'user-9'), ('email', 'nine@example.com'))
            """)).ShouldBe(1);
        (await server.CountAsync("SELECT count(*) FROM identity_history WHERE kind = 'merged'")).ShouldBe(mergesBefore + 1);
    }

    [Fact]
    public async Task WriteKey_InTheBody_IsAccepted()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes(Bodies.Captured()), key: null);
        status.ShouldBe(200, body);
    }

    [Theory]
    [InlineData("wrong-key", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public async Task UnknownOrMissingKey_Is401_AndNothingIsWritten(string? key, bool inHeader)
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp));
        var captured = Bodies.Captured();
        captured.Remove("writeKey");
        if (!inHeader && key is not null)
            captured["writeKey"] = key;
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes(captured), key: inHeader ? key : null);
        status.ShouldBe(401);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("invalid_write_key");
        server.Ingest.Log.NextOffset.ShouldBe(0);
    }
}
