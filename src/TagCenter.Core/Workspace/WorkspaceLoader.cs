using System.Text.RegularExpressions;
using TagCenter.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Workspace;

/// <summary>Parses <c>tagcenter.yaml</c> strictly and reports every mistake with file:line:column.</summary>
public static partial class WorkspaceLoader
{
    public static WorkspaceDefinition Load(string root)
    {
        var file = Path.Combine(root, WorkspaceDefinition.FileName);
        if (!File.Exists(file))
            throw new WorkspaceException([new Diagnostic(file, 0, 0,
                $"no {WorkspaceDefinition.FileName} here; run 'tagcenter init' to create a workspace")]);
        return Parse(File.ReadAllText(file), Path.GetFullPath(root), file);
    }

    public static WorkspaceDefinition Parse(string yaml, string root, string file = WorkspaceDefinition.FileName)
    {
        var diagnostics = new List<Diagnostic>();
        var stream = new YamlStream();
        try
        {
            // Walk the raw events first: syntax errors then carry the position where the parser stopped.
            var parser = new Parser(new StringReader(yaml));
            try
            {
                while (parser.MoveNext())
                {
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet's scanner fails this way on some unclosed flow collections and bad tags.
                var at = parser.Current?.End;
                throw new WorkspaceException([new Diagnostic(file, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1),
                    "YAML syntax error: cannot read past this point (" + e.Message + "); is a '{' or '[' left unclosed?")]);
            }
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (ArgumentException e)
            {
                throw new WorkspaceException([new Diagnostic(file, 1, 1, "YAML error: " + e.Message + " (is a key written twice in one mapping?)")]);
            }
        }
        catch (YamlException e)
        {
            throw new WorkspaceException([new Diagnostic(file, (int)e.Start.Line, (int)e.Start.Column,
                "YAML syntax error: " + (e.InnerException?.Message ?? e.Message))]);
        }
        if (stream.Documents.Count == 0)
            throw new WorkspaceException([new Diagnostic(file, 1, 1, "the file is empty; expected name, sources, ...")]);

        var top = YamlMap.From(stream.Documents[0].RootNode, "the workspace file", file, diagnostics);
        if (top is null)
            throw new WorkspaceException(diagnostics);
        top.AllowOnly("the workspace", "name", "default_country_code", "entities", "identifiers", "sources", "identity");

        var entities = ParseEntities(top, file, diagnostics);
        var identifiers = ParseIdentifiers(top, file, diagnostics, entities);
        var sources = ParseSources(top, file, diagnostics, entities, identifiers);
        var identity = IdentityParser.Parse(top, file, diagnostics, identifiers, sources);
        var country = top.String("default_country_code") ?? "86";
        if (!CountryCode().IsMatch(country))
            top.Error("default_country_code", $"default_country_code must be 1 to 3 digits, not '{country}'");

        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new WorkspaceDefinition
        {
            Root = root,
            Name = top.String("name") ?? Path.GetFileName(root),
            DefaultCountryCode = country,
            Entities = entities,
            Identifiers = identifiers,
            Sources = sources,
            Identity = identity,
        };
    }

    private static List<EntityTypeDefinition> ParseEntities(YamlMap top, string file, List<Diagnostic> diagnostics)
    {
        var result = new List<EntityTypeDefinition>();
        var map = YamlMap.From(top.Get("entities"), "entities", file, diagnostics);
        foreach (var (name, keyNode, value) in map?.Entries ?? [])
        {
            CheckName(name, keyNode, "entity type", file, diagnostics);
            var entity = value is YamlScalarNode { Value: null or "" } ? null : YamlMap.From(value, $"entity '{name}'", file, diagnostics);
            entity?.AllowOnly($"entity '{name}'", "description");
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
            CheckName(name, keyNode, "identifier type", file, diagnostics);
            var identifier = value is YamlScalarNode { Value: null or "" } ? null : YamlMap.From(value, $"identifier '{name}'", file, diagnostics);
            identifier?.AllowOnly($"identifier '{name}'", "description", "entity");
            var entity = identifier?.String("entity") ?? "person";
            if (entities.All(e => e.Name != entity))
                identifier!.Error("entity", $"unknown entity type '{entity}' (declared: {string.Join(", ", entities.Select(e => e.Name))})");
            result.RemoveAll(i => i.Name == name);
            result.Add(new IdentifierTypeDefinition(name, identifier?.String("description"), entity));
        }
        return result;
    }

    private static List<SourceDefinition> ParseSources(
        YamlMap top, string file, List<Diagnostic> diagnostics,
        List<EntityTypeDefinition> entities, List<IdentifierTypeDefinition> identifiers)
    {
        var result = new List<SourceDefinition>();
        var map = YamlMap.From(top.Get("sources"), "sources", file, diagnostics);
        if (map is null)
        {
            if (top.Get("sources") is null)
                diagnostics.Add(YamlMap.At(file, top.Node, "missing required key 'sources'"));
            return result;
        }
        foreach (var (name, keyNode, value) in map.Entries)
        {
            CheckName(name, keyNode, "source", file, diagnostics);
            var source = YamlMap.From(value, $"source '{name}'", file, diagnostics);
            if (source is not null)
            {
                var parsed = SourceParser.Parse(name, source, file, diagnostics, entities, identifiers);
                if (parsed is not null)
                    result.Add(parsed);
            }
        }
        return result;
    }

    internal static void CheckName(string name, YamlNode node, string what, string file, List<Diagnostic> diagnostics)
    {
        if (!Identifier().IsMatch(name))
            diagnostics.Add(YamlMap.At(file, node,
                $"{what} name '{name}' must start with a lower-case letter and use only a-z, 0-9 and _"));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[0-9]{1,3}$")]
    private static partial Regex CountryCode();
}
