using TagCenter.Core.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Whether a model of models/ is published (what <c>tagcenter run</c> trains), since when, and what its file changes
/// that <c>apply</c> has not published yet (<c>new</c> when it never was).
/// </summary>
public sealed record ModelPublication(bool Published, DateTime? PublishedAt, IReadOnlyList<string> Pending)
{
    public static ModelPublication Of(WorkspaceDatabase db, ModelDefinition file)
    {
        var published = PublishedModels.Definitions(db).FirstOrDefault(m => m.Name == file.Name);
        if (published is null)
            return new ModelPublication(false, null, ["new"]);
        return new ModelPublication(true, PublishedModels.PublishedAt(db).GetValueOrDefault(file.Name), ModelPlanner.Differences(published, file));
    }
}
