using System.Text.RegularExpressions;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Text;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>Reads the <c>fields:</c> section (the field whitelist pinned by hand) and <c>conventions:</c> (tag naming).</summary>
internal static class GovernanceParser
{
    public static List<FieldPin> ParseFields(YamlMap top, string file, List<Diagnostic> diagnostics, IReadOnlyList<SourceDefinition> sources)
    {
        var pins = new List<FieldPin>();
        var map = YamlMap.From(top.Get("fields"), "fields", file, diagnostics);
        var classes = Enum.GetNames<FieldClass>().Select(n => n.ToLowerInvariant()).ToArray();
        foreach (var (key, keyNode, value) in map?.Entries ?? [])
        {
            var dot = key.LastIndexOf('.');
            var (table, column) = dot <= 0 ? (key, "") : (key[..dot], key[(dot + 1)..]);
            var tables = sources.Select(s => s.Name).Concat(sources.Where(s => s.Fact is not null).Select(s => "fact_" + s.Fact)).Distinct().ToList();
            if (column.Length == 0 || !tables.Contains(table))
            {
                diagnostics.Add(YamlMap.At(file, keyNode, Texts.T("workspace.fields.unknown_table", key, Suggest.Hint(table, tables), string.Join(", ", tables))));
                continue;
            }
            var declared = sources.Where(s => s.Name == table || "fact_" + s.Fact == table).SelectMany(s => s.Columns.Select(c => c.Name))
                .Concat(table.StartsWith("fact_", StringComparison.Ordinal) ? ["oneid", "event_time"] : []).ToList();
            if (!declared.Contains(column))
            {
                diagnostics.Add(YamlMap.At(file, keyNode, Texts.T("workspace.fields.unknown_column", column, table, Suggest.Hint(column, declared))));
                continue;
            }
            string? text;
            string? note = null;
            if (value is YamlMappingNode)
            {
                var entry = new YamlMap((YamlMappingNode)value, file, diagnostics);
                entry.AllowOnly(key, "class", "note");
                text = entry.String("class", required: true, key);
                note = entry.String("note");
            }
            else
                text = (value as YamlScalarNode)?.Value;
            var index = Array.IndexOf(classes, text?.Trim().ToLowerInvariant());
            if (index < 0)
            {
                diagnostics.Add(YamlMap.At(file, value, Texts.T("workspace.fields.class", text, key, Suggest.Hint(text ?? "", classes))));
                continue;
            }
            pins.Add(new FieldPin(table, column, Enum.GetValues<FieldClass>()[index], note));
        }
        return pins;
    }

    public static TagConvention ParseConventions(YamlMap top, string file, List<Diagnostic> diagnostics)
    {
        var section = YamlMap.From(top.Get("conventions"), "conventions", file, diagnostics);
        section?.AllowOnly("conventions", "tags");
        var tags = YamlMap.From(section?.Get("tags"), "conventions.tags", file, diagnostics);
        if (tags is null)
            return new TagConvention();
        tags.AllowOnly("conventions.tags", "path_depth", "code_pattern", "name_max_length", "required");
        Regex? pattern = null;
        if (tags.String("code_pattern") is { } text)
        {
            try
            {
                pattern = new Regex(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                tags.Error("code_pattern", Texts.T("workspace.conventions.pattern", text, e.Message));
            }
        }
        var required = tags.List("required") ?? [];
        foreach (var field in required.Where(f => !TagConvention.RequirableFields.Contains(f)))
            tags.Error("required", Texts.T("workspace.conventions.required", field, Suggest.Hint(field, TagConvention.RequirableFields),
                string.Join(", ", TagConvention.RequirableFields)));
        var depth = tags.Decimal("path_depth");
        var length = tags.Decimal("name_max_length");
        if (depth is { } d && (d < 1 || d > 10 || d != Math.Floor(d)))
            tags.Error("path_depth", Texts.T("workspace.conventions.range", "path_depth", 1, 10));
        if (length is { } l && (l < 1 || l > 200 || l != Math.Floor(l)))
            tags.Error("name_max_length", Texts.T("workspace.conventions.range", "name_max_length", 1, 200));
        return new TagConvention
        {
            PathDepth = depth is null ? null : (int)depth,
            CodePattern = pattern,
            NameMaxLength = length is null ? null : (int)length,
            Required = [.. required.Where(TagConvention.RequirableFields.Contains)],
        };
    }
}
