using TagCenter.Core.Identity;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Records what the assignment did to previous OneIDs: a retired id <c>merged</c> into the older one its
/// identifiers now share; a person that took part of an id's identifiers and not the id <c>split</c> from it.
/// </summary>
internal static class IdentityHistory
{
    public static (long Merges, long Splits) Record(WorkspaceDatabase db, string runId, DateTime at, OneIdAssignment assignment, string[] names, bool conflicts)
    {
        using var appender = db.Connection.CreateAppender("identity_history");
        foreach (var merge in assignment.Merges)
            appender.CreateRow().AppendValue(runId).AppendValue(at).AppendValue("merged").AppendValue(names[merge.Retired])
                .AppendValue(names[merge.Survivor]).AppendValue(Texts.T("identity.history.merged", names[merge.Survivor])).EndRow();
        var cause = Texts.T(conflicts ? "identity.history.split_conflicts" : "identity.history.split_removed");
        foreach (var split in assignment.Splits)
            appender.CreateRow().AppendValue(runId).AppendValue(at).AppendValue("split").AppendValue(names[split.Part])
                .AppendValue(names[split.From]).AppendValue(cause).EndRow();
        return (assignment.Merges.Count, assignment.Splits.Count);
    }
}
