using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Segments;

/// <summary>
/// Every segment of a workspace, one per <c>segments/*.yaml</c> file, read strictly: an unknown key, a missing
/// rule or a bad type is a diagnostic at its line and column, as for tag files.
/// </summary>
public sealed class SegmentCatalog
{
    public const string Folder = "segments";

    private static readonly string[] Keys = ["name", "description", "owner", "business_line", "type", "rule", "deprecated"];

    private SegmentCatalog(IReadOnlyList<SegmentDefinition> segments) => Segments = segments;

    public IReadOnlyList<SegmentDefinition> Segments { get; }

    public static SegmentCatalog From(IReadOnlyList<SegmentDefinition> segments) => new(segments);

    public SegmentDefinition? Find(string name) => Segments.FirstOrDefault(s => s.Name == name);

    /// <summary>The segment named <paramref name="name"/>, or a not-found error with the closest name.</summary>
    public SegmentDefinition Get(string name) => Find(name)
        ?? throw new NotFoundException(Texts.T("segment.unknown", name, Suggest.Hint(name, Segments.Select(s => s.Name)),
            Segments.Count == 0 ? Texts.T("segment.none") : string.Join(", ", Segments.Select(s => s.Name))));

    /// <summary>The file a new segment called <paramref name="name"/> is written to.</summary>
    public static string FileFor(string root, string name) => Path.Combine(root, Folder, name + ".yaml");

    public static SegmentCatalog Load(string workspaceRoot)
    {
        var diagnostics = new List<Diagnostic>();
        var segments = new List<SegmentDefinition>();
        foreach (var (file, stem, text) in YamlFolder.Read(workspaceRoot, Folder))
            if (ParseFile(file, stem, text, diagnostics) is { } segment)
                segments.Add(segment);
        foreach (var twice in segments.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(twice.Last().File, 1, 1, Texts.T("segment.twice", twice.Key, twice.First().File)));
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new SegmentCatalog(segments);
    }

    /// <summary>One segment file; <paramref name="defaultName"/> (the file's name) when it names none.</summary>
    public static SegmentDefinition? ParseFile(string file, string defaultName, string yaml, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        if (YamlSyntax.Load(yaml, file, diagnostics) is not { } stream)
            return null;
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, Texts.T("segment.file.empty")));
            return null;
        }
        var top = YamlMap.From(stream.Documents[0].RootNode, Texts.T("segment.what.file"), file, diagnostics);
        if (top is null)
            return null;
        var context = Texts.T("segment.what.file");
        top.AllowOnly(context, Keys);
        var name = (top.String("name") ?? defaultName).Trim();
        if (Problem(name) is { } bad)
            top.Error("name", bad);
        var rule = top.String("rule", required: true, context: context);
        if (rule is not null && string.IsNullOrWhiteSpace(rule))
            top.Error("rule", Texts.T("segment.rule.empty", name));
        var type = top.Enum<SegmentType>("type") ?? SegmentType.Dynamic;
        if (top.String("deprecated") is { } reason && string.IsNullOrWhiteSpace(reason))
            top.Error("deprecated", Texts.T("deprecation.reason.empty"));
        if (diagnostics.Count > before || rule is null)
            return null;
        var ruleNode = top.Get("rule")!;
        var block = ruleNode is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded };
        var ruleKey = ((YamlMappingNode)top.Node).Children.Keys.First(k => k is YamlScalarNode { Value: "rule" });
        return new SegmentDefinition
        {
            Name = name,
            Description = top.String("description"),
            Owner = top.String("owner"),
            BusinessLine = top.String("business_line") ?? "全公司",
            Type = type,
            Rule = rule,
            Deprecated = top.String("deprecated"),
            File = file,
            RuleLine = (int)ruleNode.Start.Line + (block ? 1 : 0),
            RuleColumn = block ? (int)ruleKey.Start.Column + 2
                : (int)ruleNode.Start.Column + (ruleNode is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0),
        };
    }

    /// <summary>Why <paramref name="name"/> cannot name a segment (it becomes a file name), or null.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 || name.Length > 100 || name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0
            || name.StartsWith('.') || name != name.Trim()
            ? Texts.T("segment.name.bad", name)
            : null;

    /// <summary>The YAML of a new segment file (values quoted, so any text is kept as written).</summary>
    public static string Yaml(SegmentDefinition segment)
    {
        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { $"name: {Quote(segment.Name)}" };
        if (segment.Description is { } d)
            lines.Add($"description: {Quote(d)}");
        if (segment.Owner is { } o)
            lines.Add($"owner: {Quote(o)}");
        if (segment.BusinessLine != "全公司")
            lines.Add($"business_line: {Quote(segment.BusinessLine)}");
        lines.Add($"type: {(segment.Type == SegmentType.Static ? "static" : "dynamic")}");
        lines.Add($"rule: {Quote(segment.Rule)}");
        if (segment.Deprecated is { } why)
            lines.Add($"deprecated: {Quote(why)}");
        return string.Join("\n", lines) + "\n";
    }
}
