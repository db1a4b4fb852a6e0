using System.Text.Json;
using System.Text.Json.Serialization;

namespace TagCenter.Client;

/// <summary>The API's JSON: snake_case names, enums as snake_case text, NaN/Infinity as text (as the server writes them).</summary>
public static class ClientJson
{
    /// <summary>The options every call of this client (de)serializes with; use them to read <see cref="TagCenterApiException.Body"/> or raw answers.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
