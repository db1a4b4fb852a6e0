using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Models;

/// <summary>
/// Every model of a workspace, read strictly from <c>models/**/*.yaml</c> (file order) and checked against the tag
/// catalog: each output must name a <c>kind: model</c> tag of the output's type, filled by no other model.
/// </summary>
public sealed class ModelCatalog
{
    private ModelCatalog(IReadOnlyList<ModelDefinition> models) => Models = models;

    public IReadOnlyList<ModelDefinition> Models { get; }

    public static ModelCatalog From(IReadOnlyList<ModelDefinition> models) => new(models);

    public ModelDefinition? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>The model that fills <paramref name="tag"/> and under which output, if any.</summary>
    public (ModelDefinition Model, string Output)? Filling(string tag) =>
        Models.SelectMany(m => m.Outputs.Where(o => o.Value == tag).Select(o => (m, o.Key))).Cast<(ModelDefinition, string)?>().FirstOrDefault();

    public static ModelCatalog Load(string workspaceRoot, TagCatalog tags)
    {
        var folder = Path.Combine(workspaceRoot, "models");
        if (!Directory.Exists(folder))
            return new ModelCatalog([]);
        var diagnostics = new List<Diagnostic>();
        var models = new List<ModelDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            models.AddRange(ModelFileParser.Parse(Path.GetRelativePath(workspaceRoot, file), File.ReadAllText(file), diagnostics));
        Check(models, tags, diagnostics);
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new ModelCatalog(models);
    }

    /// <summary>Outputs against the tags; duplicate model names; one tag filled twice.</summary>
    public static void Check(IReadOnlyList<ModelDefinition> models, TagCatalog tags, List<Diagnostic> diagnostics)
    {
        foreach (var duplicate in models.GroupBy(m => m.Name).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(duplicate.Last().File, duplicate.Last().Line, duplicate.Last().Column, Texts.T("models.catalog.twice", duplicate.Key, duplicate.First().File)));
        var filled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            foreach (var (output, tagName) in model.Outputs)
            {
                var tag = tags.Find(tagName);
                if (tag is null)
                    diagnostics.Add(new Diagnostic(model.File, model.Line, model.Column,
                        Texts.T("models.catalog.notag", model.Name, tagName, Suggest.Hint(tagName, tags.Tags.Select(t => t.Name)))));
                else if (tag.Kind != TagKind.Model)
                    diagnostics.Add(new Diagnostic(model.File, model.Line, model.Column, Texts.T("models.catalog.notmodel", model.Name, tagName, tag.Kind.ToString().ToLowerInvariant())));
                else if (ModelOutput.Of(model.Kind)[output] is var type && !Fits(type, tag.Type))
                    diagnostics.Add(new Diagnostic(model.File, model.Line, model.Column,
                        Texts.T("models.catalog.type", model.Name, output, type.ToString().ToLowerInvariant(), tagName, tag.Type.ToString().ToLowerInvariant())));
                if (tag is not null && !filled.TryAdd(tag.Name, model.Name))
                    diagnostics.Add(new Diagnostic(model.File, model.Line, model.Column, Texts.T("models.catalog.filledtwice", tag.Name, filled[tag.Name], model.Name)));
            }
        }
    }

    /// <summary>An int output can feed a decimal tag; otherwise the types must match.</summary>
    private static bool Fits(TagValueType output, TagValueType tag) => output == tag || (output == TagValueType.Int && tag == TagValueType.Decimal);
}
