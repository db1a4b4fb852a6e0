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
    private ModelCatalog(IReadOnlyList<ModelDefinition> models, TagCatalog? tags = null) => (Models, Tags) = (models, tags);

    public IReadOnlyList<ModelDefinition> Models { get; }

    /// <summary>The tags the models were checked against (what feature-reading models compute their features with).</summary>
    public TagCatalog? Tags { get; }

    public static ModelCatalog From(IReadOnlyList<ModelDefinition> models, TagCatalog? tags = null) => new(models, tags);

    public ModelDefinition? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>The model that fills <paramref name="tag"/> and under which output, if any.</summary>
    public (ModelDefinition Model, string Output)? Filling(string tag) =>
        Models.SelectMany(m => m.Outputs.Where(o => o.Value == tag).Select(o => (m, o.Key))).Cast<(ModelDefinition, string)?>().FirstOrDefault();

    public static ModelCatalog Load(string workspaceRoot, TagCatalog tags)
    {
        var folder = Path.Combine(workspaceRoot, "models");
        if (!Directory.Exists(folder))
            return new ModelCatalog([], tags);
        var diagnostics = new List<Diagnostic>();
        var models = new List<ModelDefinition>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            models.AddRange(ModelFileParser.Parse(Path.GetRelativePath(workspaceRoot, file), File.ReadAllText(file), diagnostics));
        Check(models, tags, diagnostics);
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new ModelCatalog([.. models.Select(m => WithSeed(m, workspaceRoot))], tags);
    }

    /// <summary>A lookalike seed naming a segment of segments/ takes that segment's rule; otherwise the seed is a rule.</summary>
    private static ModelDefinition WithSeed(ModelDefinition model, string root)
    {
        if (model.Seed is not { } seed || !File.Exists(Segments.SegmentCatalog.FileFor(root, seed)))
            return model;
        var diagnostics = new List<Diagnostic>();
        var file = Segments.SegmentCatalog.FileFor(root, seed);
        var segment = Segments.SegmentCatalog.ParseFile(Path.GetRelativePath(root, file), seed, File.ReadAllText(file), diagnostics);
        return segment is null ? model : model with { SeedRule = segment.Rule };
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
            CheckTags(model, tags, models, diagnostics);
        }
    }

    /// <summary>
    /// Features, describing tags and a label tag must exist. A feature cannot be a model tag (its value as of a past
    /// cut-off is not known, and one model would wait for another) unless a preference model fills it (a pure function
    /// of the facts and the time, recomputed as of the cut-off), nor a list, and the label tag cannot be a feature.
    /// </summary>
    private static void CheckTags(ModelDefinition model, TagCatalog tags, IReadOnlyList<ModelDefinition> models, List<Diagnostic> diagnostics)
    {
        bool AsOfComputable(string tag) => models.Any(m => m.Kind == ModelKind.Preference && m.Outputs.Values.Contains(tag));
        void Add(string key, params object?[] args) => diagnostics.Add(new Diagnostic(model.File, model.Line, model.Column, Texts.T(key, args)));
        foreach (var name in model.Features.Concat(model.Describe).Concat(model.Label?.Tag is { } l ? [l] : []).Distinct())
        {
            var tag = tags.Find(name);
            if (tag is null)
                Add("models.catalog.feature", model.Name, name, Suggest.Hint(name, tags.Tags.Select(t => t.Name)));
            else if (tag.Kind == TagKind.Model && tag.Rule is null && model.Features.Contains(name) && !AsOfComputable(name))
                Add("models.catalog.modelfeature", model.Name, name);
            else if (tag.Type == TagValueType.List)
                Add("models.catalog.listfeature", model.Name, name);
        }
        if (model.Label?.Tag is { } label && model.Features.Contains(label))
            Add("models.catalog.labelfeature", model.Name, label);
        if (model.Label is { Kind: ModelLabelKind.Tag, Positive.Count: 0 } && tags.Find(model.Label.Tag!) is { Type: not TagValueType.Bool })
            Add("models.catalog.positive", model.Name, model.Label.Tag);
        if (model.Kind == ModelKind.Cluster && model.Parameters.KMin > model.Parameters.KMax)
            Add("models.catalog.krange", model.Name, model.Parameters.KMin, model.Parameters.KMax);
    }

    /// <summary>An int output can feed a decimal tag; otherwise the types must match.</summary>
    private static bool Fits(TagValueType output, TagValueType tag) => output == tag || (output == TagValueType.Int && tag == TagValueType.Decimal);
}
