using TagCenter.Core.Diagnostics;
using TagCenter.Core.Identity;
using TagCenter.Core.Text;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>Parses the <c>identity:</c> section; sources and columns it names are checked against <c>sources:</c>.</summary>
internal static class IdentityParser
{
    public static IdentityDefinition Parse(YamlMap top, string file, List<Diagnostic> diagnostics,
        IReadOnlyList<IdentifierTypeDefinition> identifiers, IReadOnlyList<SourceDefinition> sources)
    {
        var rules = IdentityDefinition.DefaultRules.ToDictionary(r => r.Name);
        foreach (var custom in identifiers.Where(i => !rules.ContainsKey(i.Name)))
            rules[custom.Name] = new IdentifierTypeRule(custom.Name, 10, null, false);
        var section = YamlMap.From(top.Get("identity"), "identity", file, diagnostics);
        if (section is null)
            return new IdentityDefinition { Rules = [.. rules.Values.OrderBy(r => r.Priority)] };
        section.AllowOnly("identity", "types", "blocklist", "blocklist_patterns", "max_component_size", "golden");

        foreach (var (name, keyNode, value) in YamlMap.From(section.Get("types"), "identity.types", file, diagnostics)?.Entries ?? [])
        {
            if (!rules.TryGetValue(name, out var rule))
            {
                diagnostics.Add(YamlMap.At(file, keyNode, Texts.T("identity.err.unknown_type", name)));
                continue;
            }
            var map = YamlMap.From(value, $"identity.types.{name}", file, diagnostics);
            if (map is null)
                continue;
            map.AllowOnly($"identity.types.{name}", "priority", "limit", "weak");
            var limit = map.Decimal("limit");
            if (limit is < 1 or > 250)
                map.Error("limit", Texts.T("identity.err.limit"));
            var priority = map.Decimal("priority");
            if (priority is < 0 or > 63)
                map.Error("priority", Texts.T("identity.err.priority"));
            rules[name] = rule with
            {
                Priority = priority is { } p ? (int)p : rule.Priority,
                Limit = limit is { } l ? (int)l : rule.Limit,
                Weak = map.Bool("weak") ?? rule.Weak,
            };
        }

        var patterns = section.List("blocklist_patterns") ?? [];
        foreach (var pattern in patterns)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                section.Error("blocklist_patterns", Texts.T("identity.err.pattern", pattern, e.Message));
            }
        }
        var size = section.Decimal("max_component_size") ?? 200;
        if (size < 2)
            section.Error("max_component_size", Texts.T("identity.err.max_size"));

        return new IdentityDefinition
        {
            Rules = [.. rules.Values.OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.Ordinal)],
            Blocklist = ParseBlocklist(section, file, diagnostics),
            BlocklistPatterns = patterns,
            MaxComponentSize = (int)size,
            Golden = ParseGolden(section, file, diagnostics, sources),
        };
    }

    /// <summary>
    /// <c>blocklist: [...]</c> adds to the built-in junk values; <c>blocklist: { values: [...], replace_defaults: true }</c>
    /// replaces them.
    /// </summary>
    private static IReadOnlyList<string> ParseBlocklist(YamlMap section, string file, List<Diagnostic> diagnostics)
    {
        IReadOnlyList<string> values;
        var replace = false;
        switch (section.Get("blocklist"))
        {
            case null:
                return IdentityDefinition.DefaultBlocklist;
            case YamlMappingNode node:
                var map = new YamlMap(node, file, diagnostics);
                map.AllowOnly("identity.blocklist", "values", "replace_defaults");
                values = map.List("values") ?? [];
                replace = map.Bool("replace_defaults") ?? false;
                break;
            case YamlSequenceNode or YamlScalarNode:
                values = section.List("blocklist") ?? [];
                break;
            default:
                section.Error("blocklist", Texts.T("identity.err.blocklist"));
                return IdentityDefinition.DefaultBlocklist;
        }
        return replace ? [.. values.Distinct(StringComparer.Ordinal)] : [.. IdentityDefinition.DefaultBlocklist.Concat(values).Distinct(StringComparer.Ordinal)];
    }

    private static List<GoldenField> ParseGolden(YamlMap section, string file, List<Diagnostic> diagnostics, IReadOnlyList<SourceDefinition> sources)
    {
        var result = new List<GoldenField>();
        foreach (var (name, keyNode, value) in YamlMap.From(section.Get("golden"), "identity.golden", file, diagnostics)?.Entries ?? [])
        {
            WorkspaceLoader.CheckName(name, keyNode, "golden attribute", file, diagnostics);
            var map = YamlMap.From(value, $"identity.golden.{name}", file, diagnostics);
            if (map is null)
                continue;
            map.AllowOnly($"identity.golden.{name}", "rule", "from");
            var rule = map.Enum<SurvivorshipRule>("rule") ?? SurvivorshipRule.SourcePriority;
            var from = new List<(string, string)>();
            foreach (var reference in map.List("from") ?? [])
            {
                var parts = reference.Split('.');
                var source = parts.Length == 2 ? sources.FirstOrDefault(s => s.Name == parts[0]) : null;
                if (source is null || source.Columns.All(c => c.Name != parts[1]))
                {
                    map.Error("from", Texts.T("identity.err.golden_from", reference, name));
                    continue;
                }
                from.Add((parts[0], parts[1]));
            }
            if (from.Count == 0)
                map.Error("from", Texts.T("identity.err.golden_empty", name));
            result.Add(new GoldenField(name, rule, from));
        }
        return result;
    }
}
