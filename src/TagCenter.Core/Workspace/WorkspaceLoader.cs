using System.Text.RegularExpressions;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>Parses <c>tagcenter.yaml</c> strictly and reports every mistake with file:line:column.</summary>
public static partial class WorkspaceLoader
{
    private static readonly string[] TopKeys =
    [
        "name", "default_country_code", "timezone", "allow_paths_outside", "entities", "identifiers", "sources", "identity",
        "fields", "conventions",
    ];

    public static WorkspaceDefinition Load(string root)
    {
        var file = Path.Combine(root, WorkspaceDefinition.FileName);
        if (!File.Exists(file))
            throw new WorkspaceException([new Diagnostic(file, 0, 0, Texts.T("workspace.no_file", WorkspaceDefinition.FileName))]);
        return Parse(File.ReadAllText(file), Path.GetFullPath(root), file);
    }

    public static WorkspaceDefinition Parse(string yaml, string root, string file = WorkspaceDefinition.FileName)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = YamlSyntax.Load(yaml, file, diagnostics) ?? throw new WorkspaceException(diagnostics);
        if (stream.Documents.Count == 0)
            throw new WorkspaceException([new Diagnostic(file, 1, 1, Texts.T("workspace.empty"))]);

        var top = YamlMap.From(stream.Documents[0].RootNode, Texts.T("workspace.what_file"), file, diagnostics);
        if (top is null)
            throw new WorkspaceException(diagnostics);
        top.AllowOnly(Texts.T("workspace.what_workspace"), TopKeys);

        var paths = new SourcePaths(root, top.Bool("allow_paths_outside") ?? false);
        var entities = ParseEntities(top, file, diagnostics);
        var identifiers = ParseIdentifiers(top, file, diagnostics, entities);
        var sources = ParseSources(top, file, diagnostics, entities, identifiers, paths);
        var identity = IdentityParser.Parse(top, file, diagnostics, identifiers, sources);
        var country = top.String("default_country_code") ?? "86";
        if (!CountryCode().IsMatch(country))
            top.Error("default_country_code", Texts.T("workspace.country_code", country));
        var timeZone = ParseTimeZone(top);
        var pins = GovernanceParser.ParseFields(top, file, diagnostics, sources);
        var conventions = GovernanceParser.ParseConventions(top, file, diagnostics);

        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new WorkspaceDefinition
        {
            Root = root,
            Name = top.String("name") ?? Path.GetFileName(root),
            DefaultCountryCode = country,
            TimeZone = timeZone,
            AllowPathsOutside = paths.AllowOutside,
            Entities = entities,
            Identifiers = identifiers,
            Sources = sources,
            Identity = identity,
            FieldPins = pins,
            TagConvention = conventions,
        };
    }

    private static TimeZoneInfo ParseTimeZone(YamlMap top)
    {
        var name = top.String("timezone")?.Trim() ?? WorkspaceDefinition.DefaultTimeZone;
        if (name.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
            return zone;
        var known = TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal));
        top.Error("timezone", Texts.T("workspace.timezone", name, Suggest.Hint(name, known)));
        return TimeZoneInfo.FindSystemTimeZoneById(WorkspaceDefinition.DefaultTimeZone);
    }

    private static List<EntityTypeDefinition> ParseEntities(YamlMap top, string file, List<Diagnostic> diagnostics)
    {
        var result = new List<EntityTypeDefinition>();
        var map = YamlMap.From(top.Get("entities"), "entities", file, diagnostics);
        foreach (var (name, keyNode, value) in map?.Entries ?? [])
        {
            CheckName(name, keyNode, Texts.T("workspace.kind_entity_type"), file, diagnostics);
            var what = Texts.T("workspace.what_entity", name);
            var entity = value is YamlScalarNode { Value: null or "" } ? null : YamlMap.From(value, what, file, diagnostics);
            entity?.AllowOnly(what, "description");
            result.Add(new EntityTypeDefinition(name, entity?.String("description")));
        }
        if (result.All(e => e.Name != "person"))
            result.Insert(0, new EntityTypeDefinition("person", "顾客 / customer"));
        return result;
    }

    private static List<IdentifierTypeDefinition> ParseIdentifiers(YamlMap top, string file, List<Diagnostic> diagnostics, List<EntityTypeDefinition> entities)
    {
        var result = IdentifierTypeDefinition.BuiltIn.Select(n => new IdentifierTypeDefinition(n, null)).ToList();
        var map = YamlMap.From(top.Get("identifiers"), "identifiers", file, diagnostics);
        foreach (var (name, keyNode, value) in map?.Entries ?? [])
        {
            CheckName(name, keyNode, Texts.T("workspace.kind_identifier_type"), file, diagnostics);
            var what = Texts.T("workspace.what_identifier", name);
            var identifier = value is YamlScalarNode { Value: null or "" } ? null : YamlMap.From(value, what, file, diagnostics);
            identifier?.AllowOnly(what, "description", "entity");
            var entity = identifier?.String("entity") ?? "person";
            if (entities.All(e => e.Name != entity))
                identifier!.Error("entity", Texts.T("workspace.unknown_entity", entity, string.Join(", ", entities.Select(e => e.Name))));
            result.RemoveAll(i => i.Name == name);
            result.Add(new IdentifierTypeDefinition(name, identifier?.String("description"), entity));
        }
        return result;
    }

    private static List<SourceDefinition> ParseSources(
        YamlMap top, string file, List<Diagnostic> diagnostics,
        List<EntityTypeDefinition> entities, List<IdentifierTypeDefinition> identifiers, SourcePaths paths)
    {
        var result = new List<SourceDefinition>();
        var map = YamlMap.From(top.Get("sources"), "sources", file, diagnostics);
        if (map is null)
        {
            if (top.Get("sources") is null)
                diagnostics.Add(YamlMap.At(file, top.Node, Texts.T("workspace.missing_sources")));
            return result;
        }
        foreach (var (name, keyNode, value) in map.Entries)
        {
            CheckName(name, keyNode, Texts.T("workspace.kind_source"), file, diagnostics);
            var source = YamlMap.From(value, Texts.T("workspace.what_source", name), file, diagnostics);
            if (source is not null)
            {
                var parsed = SourceParser.Parse(name, source, file, diagnostics, entities, identifiers, paths);
                if (parsed is not null)
                    result.Add(parsed);
            }
        }
        return result;
    }

    internal static void CheckName(string name, YamlNode node, string what, string file, List<Diagnostic> diagnostics)
    {
        if (!Identifier().IsMatch(name))
            diagnostics.Add(YamlMap.At(file, node, Texts.T("workspace.bad_name", what, name)));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[0-9]{1,3}$")]
    private static partial Regex CountryCode();
}
