using System.Security.Cryptography;
using System.Text;
using TagCenter.Core.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// Turns an assignment into OneID strings. A new id is derived from its person's anchor identifier; if that
/// id was ever issued before (the anchor once named a person that kept its id), a counter is appended until it
/// is fresh. Every issued id is kept in <c>identity_oneids</c> with its age (<c>born</c>), which decides which
/// id survives a merge.
/// </summary>
internal static class OneIdNaming
{
    public static string OneId(string type, string value, string entity = "person", int salt = 0) =>
        (entity == "person" ? "P" : entity[..1].ToUpperInvariant())
        + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(type + ":" + value + (salt == 0 ? "" : "#" + salt))))[..16];

    /// <summary>Names every id of the assignment (previous ones keep theirs) and fills <c>id_oneids_new(oneid, born)</c>.</summary>
    public static string[] Name(WorkspaceDatabase db, OneIdAssignment assignment, PreviousOneIds previous, IdentityGraphLoader graph, Func<string, string> entityOf)
    {
        var names = new string[assignment.PreviousCount + assignment.NewAnchors.Length];
        previous.Ids.CopyTo(names, 0);
        var fresh = new string[assignment.NewAnchors.Length];
        var salt = new int[fresh.Length];
        var pending = Enumerable.Range(0, fresh.Length).ToList();
        db.Execute("CREATE OR REPLACE TEMP TABLE id_candidates (k INTEGER, oneid VARCHAR)");
        while (pending.Count > 0)
        {
            using (var appender = db.Connection.CreateAppender("id_candidates"))
                foreach (var k in pending)
                {
                    var anchor = assignment.NewAnchors[k];
                    fresh[k] = OneId(graph.Types[anchor], graph.Values[anchor], entityOf(graph.Types[anchor]), salt[k]);
                    appender.CreateRow().AppendValue(k).AppendValue(fresh[k]).EndRow();
                }
            pending = db.Rows("SELECT k FROM id_candidates WHERE oneid IN (SELECT oneid FROM identity_oneids)")
                .Select(r => Convert.ToInt32(r[0])).ToList();
            foreach (var k in pending)
                salt[k]++;
            db.Execute("DELETE FROM id_candidates");
        }
        var born = db.Scalar<long>("SELECT coalesce(max(born), 0) FROM identity_oneids");
        db.Execute("CREATE OR REPLACE TEMP TABLE id_oneids_new (oneid VARCHAR, born BIGINT)");
        using (var appender = db.Connection.CreateAppender("id_oneids_new"))
            for (var k = 0; k < fresh.Length; k++)
            {
                names[assignment.PreviousCount + k] = fresh[k];
                appender.CreateRow().AppendValue(fresh[k]).AppendValue(born + 1 + k).EndRow();
            }
        return names;
    }
}
