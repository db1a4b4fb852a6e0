using System.Text.Encodings.Web;
using System.Text.Json;

namespace TagCenter.Web.Segments;

/// <summary>
/// A segment file (<c>segments/&lt;name&gt;.yaml</c>) for a draft: name, description, type and rule, each a
/// double-quoted YAML scalar (JSON string syntax is valid YAML), so no rule text can break the document.
/// </summary>
public static class SegmentYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(string name, bool dynamic, string? description, string rule)
    {
        var lines = new List<string> { "name: " + Quote(name) };
        if (!string.IsNullOrWhiteSpace(description))
            lines.Add("description: " + Quote(description));
        lines.Add("type: " + (dynamic ? "dynamic" : "static"));
        lines.Add("rule: " + Quote(rule));
        return string.Join("\n", lines) + "\n";
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);
}
