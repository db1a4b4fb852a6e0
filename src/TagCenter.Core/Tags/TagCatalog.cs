using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Tags;

/// <summary>Every tag of a workspace, read from <c>tags/**/*.yaml</c>, in file order.</summary>
public sealed class TagCatalog
{
    private TagCatalog(IReadOnlyList<TagDefinition> tags) => Tags = tags;

    public IReadOnlyList<TagDefinition> Tags { get; }

    /// <summary>A catalog from definitions already read (the published catalog, tests).</summary>
    public static TagCatalog From(IReadOnlyList<TagDefinition> tags) => new(tags);

    public TagDefinition? Find(string nameOrCode) =>
        Tags.FirstOrDefault(t => t.Name == nameOrCode) ?? Tags.FirstOrDefault(t => t.Code == nameOrCode);

    private static readonly string[] TagKeys =
        ["path", "code", "kind", "type", "unit", "values", "description", "definition", "owner", "business_line", "refresh", "status", "rule", "from", "pii", "deprecated"];

    private static readonly string[] Statuses = ["draft", "published", "deprecated"];

    public static TagCatalog Load(string workspaceRoot)
    {
        var folder = Path.Combine(workspaceRoot, "tags");
        if (!Directory.Exists(folder))
            return new TagCatalog([]);
        var diagnostics = new List<Diagnostic>();
        var tags = new List<TagDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            tags.AddRange(ParseFile(Path.GetRelativePath(workspaceRoot, file), File.ReadAllText(file), diagnostics));
        foreach (var duplicate in tags.GroupBy(t => t.Name).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(duplicate.Last().File, duplicate.Last().RuleLine, 1, Texts.T("tags.catalog.twice", duplicate.Key, duplicate.First().File)));
        foreach (var duplicate in tags.GroupBy(t => t.Code).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(duplicate.Last().File, duplicate.Last().RuleLine, 1, Texts.T("tags.catalog.codetwice", duplicate.Key, string.Join(", ", duplicate.Select(t => t.Name)))));
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new TagCatalog(tags);
    }

    public static IReadOnlyList<TagDefinition> ParseFile(string file, string yaml, List<Diagnostic> diagnostics)
    {
        // The same YAML reader as tagcenter.yaml: a tab, an unclosed { or an unquoted ': ' get a message a person can act on.
        if (YamlSyntax.Load(yaml, file, diagnostics) is not { } stream)
            return [];
        if (stream.Documents.Count == 0)
            return [];
        var top = YamlMap.From(stream.Documents[0].RootNode, "a tag file", file, diagnostics);
        if (top is null)
            return [];
        top.AllowOnly("a tag file", "path", "tags");
        var path = (top.String("path", required: true, context: "a tag file") ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<TagDefinition>();
        foreach (var (name, keyNode, value) in YamlMap.From(top.Get("tags"), "tags", file, diagnostics)?.Entries ?? [])
        {
            var tag = YamlMap.From(value, $"tag '{name}'", file, diagnostics);
            if (tag is null)
                continue;
            var context = $"tag '{name}'";
            tag.AllowOnly(context, TagKeys);
            var code = tag.String("code", required: true, context: context) ?? "";
            if (code.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(code, "^[a-z][a-z0-9_]{0,62}$"))
                tag.Error("code", Texts.T("tags.catalog.code", code));
            var kind = tag.Enum<TagKind>("kind") ?? TagKind.Value;
            var type = tag.Enum<TagValueType>("type") ?? TagValueType.String;
            if (type is TagValueType.Unknown or TagValueType.Null or TagValueType.Duration)
                tag.Error("type", Texts.T("tags.catalog.type"));
            var values = tag.List("values") ?? [];
            if (kind == TagKind.Enum && values.Count == 0)
                tag.Error("kind", Texts.T("tags.catalog.values", name));
            var status = tag.String("status") ?? "published";
            if (!Statuses.Contains(status))
                tag.Error("status", Texts.T("tags.catalog.status", string.Join(", ", Statuses)));
            if (tag.String("deprecated") is { } reason && string.IsNullOrWhiteSpace(reason))
                tag.Error("deprecated", Texts.T("deprecation.reason.empty"));
            if (RefreshSchedule.Problem(tag.String("refresh") ?? "daily") is { } refreshProblem)
                tag.Error("refresh", refreshProblem);
            var rule = tag.String("rule") ?? tag.String("from");
            if (tag.Get("rule") is not null && tag.Get("from") is not null)
                tag.Error("from", Texts.T("tags.catalog.fromandrule", name));
            if (rule is null && kind != TagKind.Model)
                tag.Error("rule", Texts.T("tags.catalog.norule", name));
            var ruleNode = tag.Get("rule") ?? tag.Get("from") ?? keyNode;
            // A block scalar (| or >) starts on the line after its indicator, indented under its key.
            var block = ruleNode is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded };
            var ruleKey = tag.Node is YamlMappingNode m ? m.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "rule" or "from" }) : null;
            result.Add(new TagDefinition
            {
                Name = name,
                Code = code,
                Path = tag.String("path") is { } own ? own.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : path,
                Kind = kind,
                Type = type,
                Unit = tag.String("unit"),
                Values = values,
                Description = tag.String("description"),
                Definition = tag.String("definition"),
                Owner = tag.String("owner"),
                BusinessLine = tag.String("business_line") ?? "全公司",
                Pii = tag.Enum<Governance.PiiKind>("pii"),
                Refresh = tag.String("refresh") ?? "daily",
                Status = status,
                Deprecated = tag.String("deprecated"),
                Rule = rule,
                File = file,
                RuleLine = (int)ruleNode.Start.Line + (block ? 1 : 0),
                RuleColumn = block && ruleKey is not null ? (int)ruleKey.Start.Column + 2 : (int)ruleNode.Start.Column + (ruleNode is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0),
            });
        }
        return result;
    }
}
