using System.Text.Json.Nodes;
using TagCenter.Server.Ingest;

namespace TagCenter.Server.Tests.Ingest;

public class SegmentParserTests
{
    private static IngestValidationException Rejects(byte[] body, SegmentLimits? limits = null) =>
        Should.Throw<IngestValidationException>(() => SegmentParser.ParseBatch(body, limits));

    [Fact]
    public void The_captured_analytics_node_request_parses()
    {
        var batch = SegmentParser.ParseBatch(Bodies.Bytes(Bodies.Captured()));
        batch.WriteKey.ShouldBe("wk_demo_123");
        batch.SentAt.ShouldBe(new DateTimeOffset(2026, 11, 22, 21, 53, 2, 291, TimeSpan.Zero));
        batch.Messages.Select(m => m.Type).ShouldBe([SegmentCallType.Identify, SegmentCallType.Track, SegmentCallType.Page]);
        var (identify, track, page) = (batch.Messages[0], batch.Messages[1], batch.Messages[2]);
        identify.UserId.ShouldBe("shop-user-0001");
        identify.MessageId.ShouldBe("node-next-1795384382254-380d588c-916a-44f1-9108-bf234e728054");
        identify.Traits!.Value.GetProperty("phone").GetString().ShouldBe("+86 13800000001");
        identify.Timestamp.ShouldBe(new DateTimeOffset(2026, 11, 22, 21, 53, 2, 254, TimeSpan.Zero));
        track.Event.ShouldBe("Order Completed");
        track.Properties!.Value.GetProperty("revenue").GetDouble().ShouldBe(129.8);
        track.Properties!.Value.GetProperty("products").GetArrayLength().ShouldBe(2);
        page.Name.ShouldBe("Product Page 1");
        page.Context!.Value.GetProperty("library").GetProperty("version").GetString().ShouldBe("3.1.0");
    }

    [Fact]
    public void Every_call_type_parses_with_its_own_fields()
    {
        var batch = SegmentParser.ParseBatch(Bodies.Batch(
            """{"type":"identify","anonymousId":"a1","traits":{"email":"x@example.com"}}""",
            """{"type":"track","userId":"u1","event":"Signed Up","properties":{"plan":"pro"}}""",
            """{"type":"page","userId":"u1","name":"Home"}""",
            """{"type":"screen","anonymousId":"a1","name":"Cart"}""",
            """{"type":"group","userId":"u1","groupId":"g42","traits":{"name":"ACME"}}""",
            """{"type":"alias","userId":"u1","previousId":"a1"}"""));
        batch.Messages.Select(m => m.Type.Name()).ShouldBe(["identify", "track", "page", "screen", "group", "alias"]);
        batch.Messages[0].AnonymousId.ShouldBe("a1");
        batch.Messages[1].Event.ShouldBe("Signed Up");
        batch.Messages[3].Name.ShouldBe("Cart");
        batch.Messages[4].GroupId.ShouldBe("g42");
        batch.Messages[5].PreviousId.ShouldBe("a1");
    }

    [Fact]
    public void A_single_call_takes_its_type_from_the_endpoint()
    {
        var batch = SegmentParser.ParseSingle(SegmentCallType.Track, Bodies.Bytes("""{"userId":"u1","event":"Viewed","writeKey":"wk2"}"""));
        batch.Messages.ShouldHaveSingleItem().Type.ShouldBe(SegmentCallType.Track);
        batch.WriteKey.ShouldBe("wk2");
        Should.Throw<IngestValidationException>(() => SegmentParser.ParseSingle(SegmentCallType.Track, Bodies.Bytes("""{"userId":"u1"}""")))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("$.event");
    }

    [Theory]
    [InlineData("""{"type":"track","event":"E"}""", "batch[1]", "noid")]
    [InlineData("""{"type":"track","userId":"","anonymousId":null,"event":"E"}""", "batch[1]", "noid")]
    [InlineData("""{"type":"alias","userId":"u1"}""", "batch[1].previousId", "missing")]
    [InlineData("""{"type":"alias","previousId":"a1","anonymousId":"a2"}""", "batch[1].userId", "missing")]
    [InlineData("""{"type":"track","userId":"u1"}""", "batch[1].event", "missing")]
    [InlineData("""{"type":"group","userId":"u1"}""", "batch[1].groupId", "missing")]
    [InlineData("""{"userId":"u1"}""", "batch[1].type", "missing")]
    [InlineData("""{"type":"purchase","userId":"u1"}""", "batch[1].type", "type")]
    [InlineData("""{"type":"track","userId":42,"event":"E"}""", "batch[1].userId", "wrongtype")]
    [InlineData("""{"type":"track","userId":"u1","event":["E"]}""", "batch[1].event", "wrongtype")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","properties":"big"}""", "batch[1].properties", "wrongtype")]
    [InlineData("""{"type":"identify","userId":"u1","traits":[1]}""", "batch[1].traits", "wrongtype")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":"yesterday"}""", "batch[1].timestamp", "time")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":12345}""", "batch[1].timestamp", "wrongtype")]
    [InlineData("\"just a string\"", "batch[1]", "notobject")]
    public void A_bad_message_rejects_the_whole_batch_and_says_where(string bad, string field, string code)
    {
        var error = Rejects(Bodies.Batch("""{"type":"track","userId":"ok","event":"Fine"}""", bad)).Errors.ShouldHaveSingleItem();
        error.Index.ShouldBe(1);
        error.Field.ShouldBe(field);
        error.Code.ShouldBe(code);
        error.Message.ShouldStartWith(field + ":");
    }

    [Fact]
    public void Every_error_of_a_batch_is_listed()
    {
        var e = Rejects(Bodies.Batch("""{"type":"track","event":"E"}""", """{"type":"group","userId":"u"}""", """{"type":"page","userId":"u"}"""));
        e.Errors.Select(x => (x.Index, x.Code)).ShouldBe([(0, "noid"), (1, "missing")]);
        e.Total.ShouldBe(2);
    }

    [Theory]
    [InlineData("{\"batch\":[", "json")]
    [InlineData("not json", "json")]
    [InlineData("[1,2]", "notobject")]
    [InlineData("{\"writeKey\":\"wk\"}", "missing")]
    [InlineData("{\"batch\":{}}", "wrongtype")]
    [InlineData("{\"batch\":[]}", "emptybatch")]
    public void A_bad_envelope_is_rejected(string body, string code) =>
        Rejects(Bodies.Bytes(body)).Errors.ShouldHaveSingleItem().Code.ShouldBe(code);

    [Fact]
    public void An_event_over_32_KB_is_rejected_and_one_just_under_is_accepted()
    {
        static string Event(int padding) => "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"properties\":{\"p\":\"" + new string('x', padding) + "\"}}";
        var baseSize = Event(0).Length;   // ASCII: characters = bytes
        SegmentParser.ParseBatch(Bodies.Batch(Event(32 * 1024 - baseSize))).Messages.Count.ShouldBe(1);
        var error = Rejects(Bodies.Batch(Event(32 * 1024 - baseSize + 1))).Errors.ShouldHaveSingleItem();
        (error.Index, error.Field, error.Code).ShouldBe((0, "batch[0]", "eventsize"));
        error.Message.ShouldContain("32769");
    }

    [Fact]
    public void A_batch_over_500_KB_is_rejected_even_when_each_event_is_small()
    {
        var small = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"properties\":{\"p\":\"" + new string('y', 1000) + "\"}}";
        var body = Bodies.Batch(Enumerable.Repeat(small, 520).ToArray());
        body.Length.ShouldBeGreaterThan(500 * 1024);
        Rejects(body).Errors.ShouldHaveSingleItem().Code.ShouldBe("batchsize");
        SegmentParser.ParseBatch(Bodies.Batch(Enumerable.Repeat(small, 400).ToArray())).Messages.Count.ShouldBe(400);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_with_its_path()
    {
        static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);
        // message (1), properties (2), then its nested a's: Nested(4) reaches depth 5, Nested(5) depth 6
        var ok = $$"""{"type":"track","userId":"u1","event":"E","properties":{{Nested(4)}}}""";
        var deep = $$"""{"type":"track","userId":"u1","event":"E","properties":{{Nested(5)}}}""";
        var limits = new SegmentLimits { MaxDepth = 5 };
        SegmentParser.ParseBatch(Bodies.Batch(ok), limits).Messages.Count.ShouldBe(1);
        var error = Rejects(Bodies.Batch(deep), limits).Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("depth");
        error.Field.ShouldBe("batch[0].properties.a.a.a.a");
    }

    [Fact]
    public void A_hostile_depth_fails_in_the_parser_without_recursing()
    {
        var body = "{\"batch\":[" + new string('[', 100_000) + new string(']', 100_000) + "]}";
        Rejects(Bodies.Bytes(body)).Errors.ShouldHaveSingleItem().Code.ShouldBe("depth");
    }

    [Fact]
    public void Errors_come_in_the_request_language()
    {
        var previous = TagCenter.Core.Text.Texts.Current;
        try
        {
            TagCenter.Core.Text.Texts.Current = TagCenter.Core.Text.Language.Zh;
            Rejects(Bodies.Batch("""{"type":"track","event":"E"}""")).Errors[0].Message.ShouldBe("batch[0]：userId 和 anonymousId 至少需要一个");
        }
        finally
        {
            TagCenter.Core.Text.Texts.Current = previous;
        }
    }

    [Fact]
    public void A_captured_message_with_userId_removed_and_no_anonymousId_is_rejected()
    {
        var body = Bodies.Captured();
        body["batch"]![1]!.AsObject().Remove("userId");
        var error = Rejects(Bodies.Bytes(body)).Errors.ShouldHaveSingleItem();
        (error.Index, error.Code).ShouldBe((1, "noid"));
    }

    [Fact]
    public void Segment_call_type_names_round_trip()
    {
        foreach (var name in SegmentCallTypes.Names)
            SegmentCallTypes.Parse(name)!.Value.Name().ShouldBe(name);
        SegmentCallTypes.Parse("Track").ShouldBeNull();
        _ = JsonNode.Parse("{}");
    }

    [Fact]
    public void InvalidUtf8_InsideAString_IsRejectedWithItsPosition_NotAFault()
    {
        // Found by the HTTP fuzz test: 0xFF inside "userId" passed the reader and failed later when read as text.
        var body = Bodies.Bytes("""{"batch":[{"type":"track","userId":"u1","event":"E"}]}""");
        var at = Array.IndexOf(body, (byte)'u', 30);
        body[at] = 0xFF;
        var error = Rejects(body);
        error.Errors.Single().Code.ShouldBe("utf8");
        error.Errors.Single().Message.ShouldContain(at.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
