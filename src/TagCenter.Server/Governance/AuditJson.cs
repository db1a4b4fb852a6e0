using System.Text.Encodings.Web;
using System.Text.Json;

namespace TagCenter.Server.Governance;

/// <summary>How before/after states are written into audit rows: snake_case, Chinese kept readable.</summary>
internal static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(object value) => JsonSerializer.Serialize(value, Options);
}
