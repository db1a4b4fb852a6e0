using System.Globalization;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>
/// Reads one YAML mapping strictly: every key must be known, every value must have the expected shape,
/// and every mistake becomes a diagnostic at the node's line and column.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics;

    public YamlMap(YamlMappingNode node, string file, List<Diagnostic> diagnostics)
    {
        _node = node;
        _file = file;
        _diagnostics = diagnostics;
        // A key written as a mapping or a list ({a: b}: x, [a, b]: x) names nothing: said once here, and left out of Entries.
        foreach (var key in node.Children.Keys.Where(k => k is not YamlScalarNode))
            diagnostics.Add(At(file, key, Texts.T("workspace.key_not_scalar")));
    }

    public YamlNode Node => _node;

    public static YamlMap? From(YamlNode? node, string what, string file, List<Diagnostic> diagnostics)
    {
        if (node is YamlMappingNode map)
            return new YamlMap(map, file, diagnostics);
        if (node is not null)
            diagnostics.Add(At(file, node, Texts.T("workspace.not_mapping", what)));
        return null;
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries =>
        _node.Children.Where(kv => kv.Key is YamlScalarNode).Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Key, kv.Value));

    public void AllowOnly(string context, params string[] keys)
    {
        foreach (var (key, keyNode, _) in Entries)
        {
            if (Array.IndexOf(keys, key) >= 0)
                continue;
            _diagnostics.Add(At(_file, keyNode, Texts.T("workspace.unknown_key", key, context, Suggest.Hint(key, keys), string.Join(", ", keys))));
        }
    }

    public YamlNode? Get(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? String(string key, bool required = false, string? context = null)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
                _diagnostics.Add(At(_file, _node, context is null ? Texts.T("workspace.missing_key", key) : Texts.T("workspace.missing_key_in", key, context)));
            return null;
        }
        if (node is YamlScalarNode scalar)
            return scalar.Value;
        _diagnostics.Add(At(_file, node, Texts.T("workspace.not_scalar", key)));
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
            return null;
        if (text is "true" or "yes" or "on")
            return true;
        if (text is "false" or "no" or "off")
            return false;
        Error(key, Texts.T("workspace.not_bool", key, text));
        return null;
    }

    public decimal? Decimal(string key)
    {
        var text = String(key);
        if (text is null)
            return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        Error(key, Texts.T("workspace.not_number", key, text));
        return null;
    }

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, System.Enum
    {
        var text = String(key);
        if (text is null)
            return null;
        var names = System.Enum.GetNames<TEnum>().Select(n => ToSnake(n)).ToArray();
        var index = Array.IndexOf(names, text.Trim().ToLowerInvariant());
        if (index >= 0)
            return System.Enum.GetValues<TEnum>()[index];
        Error(key, Texts.T("workspace.not_enum", text, key, Suggest.Hint(text, names), string.Join(", ", names)));
        return null;
    }

    public IReadOnlyList<string>? List(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode):
                return seq.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList();
            case YamlScalarNode scalar:
                return [scalar.Value ?? ""];
            default:
                _diagnostics.Add(At(_file, node, Texts.T("workspace.not_list", key)));
                return null;
        }
    }

    public IReadOnlyDictionary<string, string>? StringMap(string key)
    {
        var node = Get(key);
        if (node is null)
            return null;
        var map = From(node, $"'{key}'", _file, _diagnostics);
        if (map is null)
            return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, _, v) in map.Entries)
        {
            if (v is YamlScalarNode s)
                result[k] = s.Value ?? "";
            else
                _diagnostics.Add(At(_file, v, Texts.T("workspace.not_scalar", $"{key}.{k}")));
        }
        return result;
    }

    public void Error(string key, string message) =>
        _diagnostics.Add(At(_file, Get(key) ?? _node, message));

    public static Diagnostic At(string file, YamlNode node, string message) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, message);

    private static string ToSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
