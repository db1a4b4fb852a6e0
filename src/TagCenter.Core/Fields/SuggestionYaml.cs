using System.Text;
using TagCenter.Core.Text;

namespace TagCenter.Core.Fields;

/// <summary>Suggestions as a tag file (the format of <c>tags/*.yaml</c>), every one a draft; every text double-quoted.</summary>
public static class SuggestionYaml
{
    /// <summary>The folder under <c>tags/</c> that <c>tag suggest --write</c> writes into, one file per source.</summary>
    public const string Folder = "suggested";

    public static string RelativePath(string source) => Path.Combine("tags", Folder, source + ".yaml");

    /// <summary>The tree path of a source's suggestions (维度/主题).</summary>
    public static string TreePath(string source) => Texts.T("suggest.path", source);

    public static string Write(string source, IReadOnlyList<TagSuggestion> suggestions)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Texts.T("suggest.header", source)).Append('\n');
        text.Append("path: ").Append(Quote(TreePath(source))).Append("\ntags:\n");
        foreach (var s in suggestions)
        {
            text.Append("  ").Append(Quote(s.Name)).Append(":\n");
            Line(text, "code", s.Code);
            text.Append("    kind: ").Append(s.Kind.ToString().ToLowerInvariant()).Append('\n');
            text.Append("    type: ").Append(s.Type.ToString().ToLowerInvariant()).Append('\n');
            if (s.Values.Count > 0)
                text.Append("    values: [").AppendJoin(", ", s.Values.Select(Quote)).Append("]\n");
            Line(text, "description", Texts.T("suggest.description", s.Source, s.Column));
            Line(text, "definition", s.Definition);
            text.Append("    status: draft\n");
            Line(text, s.FromGolden ? "from" : "rule", s.Rule);
        }
        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append("    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        return text.Append('"').ToString();
    }
}
