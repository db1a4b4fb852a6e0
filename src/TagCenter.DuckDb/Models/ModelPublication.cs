using TagCenter.Core.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Whether a model is published (what <c>tagcenter run</c> trains), since when, and what its file changes that
/// <c>apply</c> has not published yet (<c>new</c> when it never was, <c>removed</c> when its file is gone).
/// </summary>
public sealed record ModelPublication(ModelPublicationStatus Status, DateTime? PublishedAt, IReadOnlyList<string> Pending)
{
    public bool Published => Status != ModelPublicationStatus.New;

    /// <summary>The status as the JSON and the text keys (<c>models.status.*</c>) write it.</summary>
    public string StatusName => Status.ToString().ToLowerInvariant();

    public static ModelPublication Of(WorkspaceDatabase db, ModelDefinition file) =>
        Of(file, PublishedModels.Definitions(db), PublishedModels.PublishedAt(db));

    /// <summary>
    /// Every model of <paramref name="files"/> with its publication, then the published models the files no longer
    /// declare (as published: that definition is what is still trained).
    /// </summary>
    public static IReadOnlyList<(ModelDefinition Model, ModelPublication Publication)> All(WorkspaceDatabase db, IReadOnlyList<ModelDefinition> files)
    {
        var (published, at) = (PublishedModels.Definitions(db), PublishedModels.PublishedAt(db));
        var declared = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. files.Select(f => (f, Of(f, published, at))),
            .. published.Where(p => !declared.Contains(p.Name))
                .Select(p => (p, new ModelPublication(ModelPublicationStatus.Removed, At(at, p.Name), ["removed"]))),
        ];
    }

    /// <summary>The model named <paramref name="name"/> in the files, else published but removed from them (still trained until apply); null when neither.</summary>
    public static (ModelDefinition Model, ModelPublication Publication)? Find(WorkspaceDatabase db, IReadOnlyList<ModelDefinition> files, string name) =>
        All(db, files).Where(m => m.Model.Name == name).Select(m => ((ModelDefinition, ModelPublication)?)m).FirstOrDefault();

    private static ModelPublication Of(ModelDefinition file, IReadOnlyList<ModelDefinition> published, IReadOnlyDictionary<string, DateTime> at)
    {
        if (published.FirstOrDefault(m => m.Name == file.Name) is not { } before)
            return new ModelPublication(ModelPublicationStatus.New, null, ["new"]);
        var pending = ModelPlanner.Differences(before, file);
        return new ModelPublication(pending.Count == 0 ? ModelPublicationStatus.Published : ModelPublicationStatus.Changed, At(at, file.Name), pending);
    }

    private static DateTime? At(IReadOnlyDictionary<string, DateTime> at, string name) => at.TryGetValue(name, out var when) ? when : null;
}
