using System.Text.Json.Nodes;
using TagCenter.Server.Ingest;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>The fast log payload (the message's bytes as sent, the server's fields spliced in before its closing brace)
/// against the second implementation that rewrites the message property by property: the same JSON for every shape.</summary>
public sealed class SplicedPayloadTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_captured_batch_splices_to_what_the_rewrite_gives()
    {
        var batch = SegmentParser.ParseBatch(Bodies.Bytes(Bodies.Captured()));
        foreach (var message in batch.Messages)
            Same(message, batch, null);
    }

    [Theory]
    [InlineData("""{"type":"track","userId":"u1","event":"E"}""")]                                  // no time, no id: both added
    [InlineData("""{ "type" : "track" , "userId":"u1","event":"E" , "context":{"ip":"1.2.3.4"} }""")]  // spaces kept, own context
    [InlineData("""{"type":"identify","anonymousId":"a1","traits":{"城市":"上海"},"messageId":"m1"}""")]
    public void Messages_of_other_shapes_too(string message)
    {
        var batch = SegmentParser.ParseBatch(Bodies.Bytes($$$"""{"batch":[{{{message}}}],"context":{"library":{"name":"x"}},"sentAt":"2026-11-22T21:53:02.291Z"}"""));
        var m = batch.Messages.ShouldHaveSingleItem();
        m.Spliceable.ShouldBeTrue();
        Same(m, batch, "srv-1");
    }

    [Fact]
    public void A_single_call_gets_its_type_from_the_route()
    {
        var batch = SegmentParser.ParseSingle(SegmentCallType.Page, Bodies.Bytes("""{"userId":"u1","name":"Home"}"""));
        var payload = JsonNode.Parse(SegmentPayload.ToLogPayload(batch.Messages[0], batch, Received, "sdk", "srv-2"))!;
        payload["type"]!.GetValue<string>().ShouldBe("page");
        payload["messageId"]!.GetValue<string>().ShouldBe("srv-2");
        payload["_source"]!.GetValue<string>().ShouldBe("sdk");
        Same(batch.Messages[0], batch, "srv-2");
    }

    [Fact]
    public void Fields_the_server_sets_are_not_spliced_but_replaced()
    {
        var batch = SegmentParser.ParseBatch(Bodies.Batch("""{"type":"track","userId":"u1","event":"E","receivedAt":"2020-01-01T00:00:00Z","messageId":null}"""));
        var m = batch.Messages.ShouldHaveSingleItem();
        m.Spliceable.ShouldBeFalse();
        var payload = JsonNode.Parse(SegmentPayload.ToLogPayload(m, batch, Received, "sdk", "srv-3"))!;
        payload["receivedAt"]!.GetValue<DateTimeOffset>().ShouldBe(Received);
        SegmentPayload.MessageIdOf(SegmentPayload.ToLogPayload(m, batch, Received, "sdk", "srv-3")).ShouldBe("srv-3");   // not the null
    }

    private static void Same(SegmentMessage message, SegmentBatch batch, string? id)
    {
        var spliced = JsonNode.Parse(SegmentPayload.Spliced(message, batch, Received, "sdk", id));
        var rewritten = JsonNode.Parse(SegmentPayload.Rewritten(message, batch, Received, "sdk", id));
        JsonNode.DeepEquals(spliced, rewritten).ShouldBeTrue($"{spliced!.ToJsonString()}\n≠ {rewritten!.ToJsonString()}");
    }
}
