using TagCenter.Core.Diagnostics;
using TagCenter.Core.Identity;
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
                diagnostics.Add(YamlMap.At(file, keyNode, $"unknown identifier type '{name}' in identity.types (declare it under 'identifiers:' first)"));
                continue;
            }
            var map = YamlMap.From(value, $"identity.types.{name}", file, diagnostics);
            if (map is null)
                continue;
            map.AllowOnly($"identity.types.{name}", "priority", "limit", "weak");
            var limit = map.Decimal("limit");
            if (limit is < 1 or > 250)
                map.Error("limit", "limit must be between 1 and 250");
            var priority = map.Decimal("priority");
            if (priority is < 0 or > 63)
                map.Error("priority", "priority must be between 0 (strongest) and 63");
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
                section.Error("blocklist_patterns", $"'{pattern}' is not a valid regular expression: {e.Message}");
            }
        }
        var size = section.Decimal("max_component_size") ?? 200;
        if (size < 2)
            section.Error("max_component_size", "max_component_size must be at least 2");

        return new IdentityDefinition
        {
            Rules = [.. rules.Values.OrderBy(r => r.Priority).ThenBy(r => r.Name, StringComparer.Ordinal)],
            Blocklist = section.List("blocklist") ?? IdentityDefinition.DefaultBlocklist,
            BlocklistPatterns = patterns,
            MaxComponentSize = (int)size,
            Golden = ParseGolden(section, file, diagnostics, sources),
        };
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
                    map.Error("from", $"'{reference}' in identity.golden.{name} is not a declared source.column");
                    continue;
                }
                from.Add((parts[0], parts[1]));
            }
            if (from.Count == 0)
                map.Error("from", $"identity.golden.{name} needs 'from: [source.column, ...]'");
            result.Add(new GoldenField(name, rule, from));
        }
        return result;
    }
}
