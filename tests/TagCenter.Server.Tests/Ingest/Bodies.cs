using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>Request bodies for the tests: the one captured from @segment/analytics-node 3.1.0, and variations of it.</summary>
internal static class Bodies
{
    public static JsonObject Captured()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Reference", "segment-batch-request.json");
        return JsonNode.Parse(File.ReadAllText(file))!["body"]!.AsObject();
    }

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>A batch of the given messages with the captured envelope.</summary>
    public static byte[] Batch(params string[] messages) =>
        Bytes($"{{\"batch\":[{string.Join(",", messages)}],\"writeKey\":\"wk\",\"sentAt\":\"2026-11-22T21:53:02.291Z\"}}");

    public static JsonSerializerOptions Options { get; } = new();
}
