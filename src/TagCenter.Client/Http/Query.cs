using System.Globalization;
using System.Text;

namespace TagCenter.Client;

/// <summary>A path with its query string, each value escaped; null values are left out.</summary>
internal static class Query
{
    public static string Path(string path, params (string Name, object? Value)[] parameters)
    {
        var text = new StringBuilder(path);
        var first = !path.Contains('?', StringComparison.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (value is null)
                continue;
            var formatted = value switch
            {
                bool b => b ? "true" : "false",
                DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            text.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(formatted));
            first = false;
        }
        return text.ToString();
    }

    /// <summary>One path segment (a tag, segment or person name), escaped.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
