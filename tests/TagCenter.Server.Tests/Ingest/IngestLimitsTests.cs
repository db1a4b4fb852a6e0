using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>Limits and bad input over HTTP: the right 4xx with ProblemDetails naming the field, and nothing written.</summary>
public sealed class IngestLimitsTests(DemoWorkspace demo)
{
    /// <summary>A track message whose UTF-8 JSON is exactly <paramref name="size"/> bytes (padded in a property).</summary>
    private static string Message(int size, string id = "m1")
    {
        var empty = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\",\"messageId\":\"" + id + "\",\"properties\":{\"pad\":\"\"}}";
        return empty.Replace("\"pad\":\"\"", $"\"pad\":\"{new string('x', size - Encoding.UTF8.GetByteCount(empty))}\"", StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public async Task EventOf32KB_IsAccepted_OneByteMore_Is400NamingTheMessage()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        Encoding.UTF8.GetByteCount(Message(32 * 1024)).ShouldBe(32 * 1024);
        (await server.PostAsync("/v1/batch", Bodies.Bytes($$"""{"batch":[{{Message(32 * 1024)}}]}"""))).Status.ShouldBe(200);
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes($$"""{"batch":[{{Message(100, "ok")}},{{Message(32 * 1024 + 1, "m2")}}]}"""));
        status.ShouldBe(400);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("invalid_event");
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("batch[1]");
        problem.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("eventsize");
        server.Ingest.Log.NextOffset.ShouldBe(1);   // the good message of the rejected batch was not written either
    }

    [Fact]
    public async Task BatchOver500KB_Is413_AndAtTheLimit_IsAccepted()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        // 16 messages (each under 32 KB) making a body of exactly 500 KB; one byte more in the last: over.
        string Batch(int extra) => "{\"batch\":[" + string.Join(",", Enumerable.Range(0, 16)
            .Select(i => Message(i < 15 ? 31_998 : 512_000 - 12 - 15 - 15 * 31_998 + extra, "m" + i))) + "]}";
        Encoding.UTF8.GetByteCount(Batch(0)).ShouldBe(500 * 1024);
        Encoding.UTF8.GetByteCount(Batch(1)).ShouldBe(500 * 1024 + 1);
        var (okStatus, okBody) = await server.PostAsync("/v1/batch", Bodies.Bytes(Batch(0)));
        okStatus.ShouldBe(200, okBody);
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes(Batch(1)));
        status.ShouldBe(413, body);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("payload_too_large");
        server.Ingest.Log.NextOffset.ShouldBe(16);
    }

    [Fact]
    public async Task GzipBody_IsAccepted_AndAZipBomb_Is413WithNothingWritten()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        var (status, body) = await server.PostAsync("/v1/batch", Gzip(Bodies.Bytes(Bodies.Captured())), encoding: "gzip");
        status.ShouldBe(200, body);
        server.Ingest.Log.NextOffset.ShouldBe(3);
        // 64 MB of spaces compress to ~64 KB: the cap stops decompressing at 500 KB.
        var bomb = Gzip(Encoding.UTF8.GetBytes("{\"batch\":[" + new string(' ', 64 << 20) + "]}"));
        bomb.Length.ShouldBeLessThan(500 * 1024);
        (await server.PostAsync("/v1/batch", bomb, encoding: "gzip")).Status.ShouldBe(413);
        (await server.PostAsync("/v1/batch", [0x1f, 0x8b, 1, 2, 3], encoding: "gzip")).Status.ShouldBe(400);
        (await server.PostAsync("/v1/batch", Bodies.Bytes(Bodies.Captured()), encoding: "br")).Status.ShouldBe(415);
        server.Ingest.Log.NextOffset.ShouldBe(3);
    }

    [Theory]
    [InlineData("/v1/batch", "{\"batch\": [", 400, "invalid_event", "$")]
    [InlineData("/v1/batch", "[1,2,3]", 400, "invalid_event", "$")]
    [InlineData("/v1/batch", """{"batch":[{"type":"track","userId":42,"event":"E"}]}""", 400, "invalid_event", "batch[0].userId")]
    [InlineData("/v1/batch", """{"batch":[{"type":"track","event":"E"}]}""", 400, "invalid_event", "batch[0]")]
    [InlineData("/v1/batch", """{"batch":[{"type":"track","userId":"u","event":"E"},{"type":"track","userId":"u","event":"E","properties":[1]}]}""", 400, "invalid_event", "batch[1].properties")]
    [InlineData("/v1/batch", """{"batch":[{"type":"launch","userId":"u"}]}""", 400, "invalid_event", "batch[0].type")]
    [InlineData("/v1/track", """{"userId":"u"}""", 400, "invalid_event", "$.event")]
    [InlineData("/v1/alias", """{"userId":"u"}""", 400, "invalid_event", "$.previousId")]
    public async Task BadInput_IsTheRight4xx_NamingTheField_AndNothingIsWritten(string path, string json, int expected, string code, string field)
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        var (status, body) = await server.PostAsync(path, Bodies.Bytes(json));
        status.ShouldBe(expected, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ShouldContain(field);
        server.Ingest.Log.NextOffset.ShouldBe(0);
    }

    [Fact]
    public async Task DeepNesting_AndHugeProperties_Are400_UnknownRoute_Is404()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000);
        var (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":" + deep + "}]}"));
        status.ShouldBe(400, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("depth");
        var huge = "{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"p{i}\":{i}")) + "}";
        (status, body) = await server.PostAsync("/v1/batch", Bodies.Bytes("{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"properties\":" + huge + "}]}"));
        status.ShouldBe(400, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe("eventsize");
        // A route that does not exist answers only to an API key (governance: nothing but /health without one); a write key is not one.
        (status, body) = await server.PostAsync("/v1/identifyy", Bodies.Bytes("{}"));
        status.ShouldBe(401);
        JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("unauthenticated");
        server.Ingest.Log.NextOffset.ShouldBe(0);
    }

    [Fact]
    public async Task HundredsOfMutatedBodies_NeverMakeA5xx_AndTheServerStaysUp()
    {
        using var temp = new TempFolder();
        await using var server = await IngestServer.StartAsync(demo.Copy(temp), new() { Consume = false });
        var seed = Bodies.Bytes(Bodies.Captured());
        var random = new Random(20261123);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 400; i++)
        {
            var body = (byte[])seed.Clone();
            var mutations = 1 + random.Next(8);
            for (var m = 0; m < mutations && body.Length > 1; m++)
                switch (random.Next(4))
                {
                    case 0: body[random.Next(body.Length)] = (byte)random.Next(256); break;   // flip a byte
                    case 1: body = body[..random.Next(body.Length)]; break;                     // cut
                    case 2: body = [.. body, .. body[..random.Next(body.Length)]]; break;      // repeat a prefix
                    default: body[random.Next(body.Length)] = (byte)"{}[]\":,\\0"[random.Next(9)]; break;
                }
            var (status, _) = await server.PostAsync(random.Next(3) == 0 ? "/v1/track" : "/v1/batch", body);
            status.ShouldBeLessThan(500, $"mutation {i}");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }
        statuses.Keys.ShouldContain(400);
        (await server.Api.GetJsonAsync("/health")).GetProperty("status").GetString().ShouldBe("ok");
        (await server.PostAsync("/v1/batch", seed)).Status.ShouldBe(200);
    }
}
