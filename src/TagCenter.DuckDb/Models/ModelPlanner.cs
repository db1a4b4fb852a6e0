using System.Text.Json;
using System.Text.Json.Serialization;
using TagCenter.Core.Expressions;
using TagCenter.Core.Models;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// The model part of <c>tagcenter plan</c>: the models of models/ against the published ones (<see cref="PublishedModels"/>).
/// A changed model names what differs, down to the parameter; a removed model whose output tags something still reads
/// (a tag's rule, a segment, another model's features) blocks the plan, unless another model now fills that tag.
/// </summary>
public static class ModelPlanner
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Declarations whose changes are named field by field.</summary>
    private static readonly HashSet<string> Expanded = ["parameters", "input", "label"];

    public static ModelPlan Plan(WorkspaceDatabase db, ModelCatalog files, TagCatalog tags, IReadOnlyList<SegmentDefinition> segments)
    {
        var published = PublishedModels.Definitions(db);
        var changes = new List<ModelChange>();
        foreach (var model in files.Models)
        {
            var before = published.FirstOrDefault(p => p.Name == model.Name);
            if (before is null)
                changes.Add(new ModelChange(ModelChangeAction.Added, model.Name, model.Kind, ["new"], null, model));
            else if (Differences(before, model) is { Count: > 0 } what)
                changes.Add(new ModelChange(ModelChangeAction.Changed, model.Name, model.Kind, what, before, model));
        }
        foreach (var gone in published.Where(p => files.Find(p.Name) is null))
        {
            var dependents = gone.Outputs.Values.Where(tag => files.Filling(tag) is null)
                .SelectMany(tag => Users(tag, tags, files, segments)).Distinct().ToList();
            changes.Add(new ModelChange(ModelChangeAction.Removed, gone.Name, gone.Kind, ["removed"], gone, null) { Dependents = dependents });
        }
        return new ModelPlan(changes);
    }

    /// <summary>What still reads <paramref name="tag"/> once the files are applied.</summary>
    private static IEnumerable<string> Users(string tag, TagCatalog tags, ModelCatalog models, IReadOnlyList<SegmentDefinition> segments)
    {
        foreach (var user in tags.Tags.Where(t => t.Name != tag && t.Rule is not null && SegmentRule.Names(Parser.Parse(t.Rule).Root).Contains(tag)))
            yield return Texts.T("models.plan.usertag", user.Name, user.File);
        foreach (var user in SegmentPlanner.Users(segments, tag))
            yield return user;
        foreach (var user in models.Models.Where(m => m.Features.Contains(tag) || m.Describe.Contains(tag) || m.Label?.Tag == tag))
            yield return Texts.T("models.plan.usermodel", user.Name, user.File);
    }

    /// <summary>The fields that differ (file positions aside); parameters, input and label field by field.</summary>
    internal static List<string> Differences(ModelDefinition before, ModelDefinition after)
    {
        var a = JsonSerializer.SerializeToElement(Comparable(before), Options);
        var b = JsonSerializer.SerializeToElement(Comparable(after), Options);
        var what = new List<string>();
        foreach (var field in a.EnumerateObject())
        {
            var other = b.GetProperty(field.Name);
            if (field.Value.GetRawText() == other.GetRawText())
                continue;
            if (Expanded.Contains(field.Name) && field.Value.ValueKind == JsonValueKind.Object && other.ValueKind == JsonValueKind.Object)
                what.AddRange(field.Value.EnumerateObject()
                    .Where(p => !other.TryGetProperty(p.Name, out var o) || o.GetRawText() != p.Value.GetRawText())
                    .Select(p => field.Name + "." + p.Name));
            else
                what.Add(field.Name);
        }
        return what;
    }

    private static ModelDefinition Comparable(ModelDefinition m) => m with { File = "", Line = 0, Column = 0 };
}
