using TagCenter.Client;
using TagCenter.Core.Governance;

namespace TagCenter.Web.Governance;

/// <summary>
/// Whether the console offers Approve and Reject on a draft: it is pending, the caller may write, is not its author
/// (nobody approves their own change) and their role may change that kind (a marketer reviews segments and triggers,
/// not tags). The API checks the same again; this only keeps buttons that would answer 403 off the page.
/// </summary>
internal static class DraftDecision
{
    public static bool MayDecide(Draft draft, CallerView caller) =>
        draft.Status == "pending" && caller.CanWrite && draft.Author != caller.Name
        && (Roles.Parse(caller.Role) is not { } role || Roles.MayChange(role, draft.Kind));
}
