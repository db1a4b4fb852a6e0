using System.Text;
using TagCenter.Server.Ingest;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>The fast batch reader against the document path it stands in for: every batch it takes, the document path
/// takes with the same messages and the same log payloads; every batch the document path rejects, it leaves.</summary>
public sealed class SegmentBatchReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryRead_CapturedRequest_TakesItWithTheDocumentPathsMessages()
    {
        var body = Bodies.Bytes(Bodies.Captured());
        Compare(body, new SegmentLimits()).ShouldBeTrue();
    }

    [Fact]
    public void TryRead_CapturedRequestAsSent_KeepsItsBytes()
    {
        // The file's body as the SDK sent it (indented, not re-serialised): the messages' raw bytes are slices of it.
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "segment-batch-request.json"));
        var at = file.IndexOf("\"body\":", StringComparison.Ordinal) + "\"body\":".Length;
        var body = Encoding.UTF8.GetBytes(file[at..file.LastIndexOf('}')]);
        Compare(body, new SegmentLimits()).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"type":"track","userId":"u1","event":"E"}""")]
    [InlineData("""{ "type" : "track" , "userId":"u1","event":"E" , "context":{"ip":"1.2.3.4"} }""")]
    [InlineData("""{"type":"identify","anonymousId":"a1","traits":{"城市":"上海"},"messageId":"m1"}""")]
    [InlineData("""{"type":"identify","userId":"u\u00e9\n","traits":null,"context":null,"timestamp":null,"name":null}""")]
    [InlineData("""{"type":"alias","userId":"u1","previousId":"a1","sentAt":"2026-11-22T21:53:02+08:00"}""")]
    [InlineData("""{"type":"group","userId":"u1","groupId":"g1","originalTimestamp":"2026-11-22T21:53:02.1Z","x":[1,[2,{"y":[]}]]}""")]
    [InlineData("""{"type":"page","userId":"u1","name":"Home","category":"Docs","timestamp":"2026-11-22T21:53:02Z"}""")]
    [InlineData("""{"type":"screen","anonymousId":"a1","userId":"","properties":{}}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":"2026-11-22T21:53:02.123456+00:00"}""")]
    public void TryRead_ValidMessages_TakesThemAsTheDocumentPathDoes(string message) =>
        Compare(Bodies.Batch(message, message), new SegmentLimits()).ShouldBeTrue();

    [Theory]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}],"context":{"library":{"name":"x"}},"writeKey":null,"extra":[1,2]}""")]
    [InlineData("""{"sentAt":"2026-11-22T21:53:02.291Z","batch":[{"type":"track","userId":"u1","event":"E"}]}  """)]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}],"sentAt":5,"context":"not an object"}""")]
    public void TryRead_EnvelopeShapes_TakesThemAsTheDocumentPathDoes(string body) =>
        Compare(Bodies.Bytes(body), new SegmentLimits()).ShouldBeTrue();

    [Theory]
    [InlineData("""{"type":"track","event":"E"}""")]                                         // no id
    [InlineData("""{"type":"track","userId":"","anonymousId":null,"event":"E"}""")]
    [InlineData("""{"type":"alias","userId":"u1"}""")]
    [InlineData("""{"type":"track","userId":"u1"}""")]
    [InlineData("""{"type":"group","userId":"u1"}""")]
    [InlineData("""{"userId":"u1"}""")]
    [InlineData("""{"type":null,"userId":"u1"}""")]                                          // the document path's own reading
    [InlineData("""{"type":"purchase","userId":"u1"}""")]
    [InlineData("""{"type":"track","userId":42,"event":"E"}""")]
    [InlineData("""{"type":"track","userId":"u1","event":["E"]}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","properties":"big"}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":12345}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","timestamp":"2026-11-22 21:53:02Z"}""")]   // no T
    [InlineData("""{"type":"track","userId":"u1","event":"E","receivedAt":"2020-01-01T00:00:00Z"}""")]   // the server's field
    [InlineData("""{"type":"track","userId":"u1","event":"E","messageId":null}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","writeKey":"wk"}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","_source":"x"}""")]
    [InlineData("""{"type":"track","userId":"u1","event":"E","userId":"u2"}""")]           // repeated name
    [InlineData("""{"type":"track","\u0075serId":"u1","event":"E"}""")]                     // escaped name
    [InlineData("\"just a string\"")]
    public void TryRead_MessagesTheDocumentPathRejectsOrRewrites_LeavesThem(string message) =>
        Compare(Bodies.Batch("""{"type":"track","userId":"u0","event":"E"}""", message), new SegmentLimits()).ShouldBeFalse();

    [Theory]
    [InlineData("{\"batch\":[")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"writeKey\":\"wk\"}")]
    [InlineData("{\"batch\":{}}")]
    [InlineData("{\"batch\":[]}")]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}],"writeKey":7}""")]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}],"sentAt":"soon"}""")]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}]} x""")]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E"}],"batch":[{"type":"track","userId":"u2","event":"E"}]}""")]
    [InlineData("""{"batch":[{"type":"track","userId":"u1","event":"E",}]}""")]
    public void TryRead_BadEnvelopes_LeavesThem(string body) =>
        Compare(Bodies.Bytes(body), new SegmentLimits()).ShouldBeFalse();

    [Fact]
    public void TryRead_Limits_AreTheDocumentPaths()
    {
        static string Event(int padding) => "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"properties\":{\"p\":\"" + new string('x', padding) + "\"}}";
        var baseSize = Event(0).Length;
        Compare(Bodies.Batch(Event(32 * 1024 - baseSize)), new SegmentLimits()).ShouldBeTrue();
        Compare(Bodies.Batch(Event(32 * 1024 - baseSize + 1)), new SegmentLimits()).ShouldBeFalse();

        static string Nested(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);
        static string Listed(int levels) => new string('[', levels) + new string(']', levels);
        var limits = new SegmentLimits { MaxDepth = 5 };
        Compare(Bodies.Batch($$"""{"type":"track","userId":"u1","event":"E","properties":{{Nested(4)}}}"""), limits).ShouldBeTrue();
        Compare(Bodies.Batch($$"""{"type":"track","userId":"u1","event":"E","properties":{{Nested(5)}}}"""), limits).ShouldBeFalse();
        Compare(Bodies.Batch($$"""{"type":"track","userId":"u1","event":"E","x":{{Listed(4)}}}"""), limits).ShouldBeTrue();
        Compare(Bodies.Batch($$"""{"type":"track","userId":"u1","event":"E","x":{{Listed(5)}}}"""), limits).ShouldBeFalse();

        var id = new string('i', 256);
        Compare(Bodies.Batch($$"""{"type":"track","userId":"{{id}}","event":"E"}"""), new SegmentLimits()).ShouldBeTrue();
        Compare(Bodies.Batch($$"""{"type":"track","userId":"{{id}}i","event":"E"}"""), new SegmentLimits()).ShouldBeFalse();

        var small = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"properties\":{\"p\":\"" + new string('y', 1000) + "\"}}";
        Compare(Bodies.Batch(Enumerable.Repeat(small, 520).ToArray()), new SegmentLimits()).ShouldBeFalse();
        Compare(Bodies.Bytes("{\"batch\":[" + new string('[', 100_000) + new string(']', 100_000) + "]}"), new SegmentLimits()).ShouldBeFalse();
    }

    [Fact]
    public void TryRead_InvalidUtf8_LeavesIt()
    {
        var body = Bodies.Batch("""{"type":"track","userId":"u1","event":"E"}""");
        body[body.AsSpan().IndexOf("u1"u8)] = 0xC3;
        Compare(body, new SegmentLimits()).ShouldBeFalse();
    }

    /// <summary>The captured body with bytes changed at random (seeded): whatever the document path decides, the reader
    /// either leaves it or takes exactly what the document path takes.</summary>
    [Fact]
    public void TryRead_MutatedCapturedBodies_NeverDisagreeWithTheDocumentPath()
    {
        var original = Bodies.Bytes(Bodies.Captured());
        var random = new Random(11);
        var alphabet = "{}[]\":,\\ 0123456789.eE+-truefalsn\u00e9xTZ"u8.ToArray();
        var (taken, left) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var body = (byte[])original.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
                body[random.Next(body.Length)] = alphabet[random.Next(alphabet.Length)];
            if (Compare(body, new SegmentLimits()))
                taken++;
            else
                left++;
        }
        taken.ShouldBeGreaterThan(0);
        left.ShouldBeGreaterThan(0);
    }

    /// <summary>True when the reader took the body (and then the document path took it too, with the same messages and
    /// log payloads); false when it left it to the document path.</summary>
    private static bool Compare(byte[] body, SegmentLimits limits)
    {
        var fast = SegmentBatchReader.TryRead(body, limits);
        SegmentBatch? document = null;
        Exception? rejected = null;
        try
        {
            document = SegmentParser.ParseBatchDocument(body, limits);
        }
        catch (Exception e) when (e is IngestValidationException or InvalidOperationException)
        {
            rejected = e;
        }
        if (fast is null)
            return false;
        rejected.ShouldBeNull($"the reader took a body the document path rejects: {Encoding.UTF8.GetString(body)}");
        Same(fast, document!);
        return true;
    }

    private static void Same(SegmentBatch fast, SegmentBatch document)
    {
        (fast.WriteKey, At(fast.SentAt)).ShouldBe((document.WriteKey, At(document.SentAt)));
        fast.Context?.GetRawText().ShouldBe(document.Context?.GetRawText());
        (fast.Context is null).ShouldBe(document.Context is null);
        fast.Messages.Count.ShouldBe(document.Messages.Count);
        for (var i = 0; i < fast.Messages.Count; i++)
        {
            var (f, d) = (fast.Messages[i], document.Messages[i]);
            (f.Type, f.MessageId, f.UserId, f.AnonymousId, f.PreviousId, f.Event, f.Name, f.GroupId)
                .ShouldBe((d.Type, d.MessageId, d.UserId, d.AnonymousId, d.PreviousId, d.Event, d.Name, d.GroupId));
            (At(f.Timestamp), At(f.SentAt), At(f.ReceivedAt)).ShouldBe((At(d.Timestamp), At(d.SentAt), At(d.ReceivedAt)));
            (f.Spliceable, f.HasType, f.HasContext).ShouldBe((d.Spliceable, d.HasType, d.HasContext));
            f.Raw.ToArray().ShouldBe(d.Raw.ToArray());
            f.Json.GetRawText().ShouldBe(d.Json.GetRawText());
            SegmentPayload.ToLogPayload(f, fast, Received, "sdk", "srv-1")
                .ShouldBe(SegmentPayload.ToLogPayload(d, document, Received, "sdk", "srv-1"));
        }
    }

    private static (long, TimeSpan)? At(DateTimeOffset? time) => time is { } t ? (t.UtcTicks, t.Offset) : null;
}
