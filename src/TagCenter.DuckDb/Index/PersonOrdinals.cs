using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// Dense uint ordinals for persons (<c>person_ordinals</c>), the bit positions of every bitmap. An ordinal never
/// changes and is never reused: new OneIDs are numbered after the current maximum in OneID order (so two builds of
/// the same data agree), and a OneID that disappears keeps its number, so bitmaps of different runs line up.
/// </summary>
public static class PersonOrdinals
{
    public const string Table = "person_ordinals";

    public static void Ensure(WorkspaceDatabase db) =>
        db.Execute("CREATE TABLE IF NOT EXISTS person_ordinals (oneid VARCHAR NOT NULL, ordinal UINTEGER NOT NULL)");

    /// <summary>Numbers every OneID of <paramref name="personsTable"/> that has no ordinal yet; returns how many were added.</summary>
    public static long Assign(WorkspaceDatabase db, string personsTable = "person_tags")
    {
        Ensure(db);
        return db.InTransaction(() =>
        {
            var next = db.Scalar<long>("SELECT coalesce(max(ordinal) + 1, 0) FROM person_ordinals");
            var added = db.Scalar<long>($"""
                SELECT count(*) FROM (SELECT DISTINCT oneid FROM {personsTable} p WHERE oneid IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM person_ordinals o WHERE o.oneid = p.oneid))
                """);
            if (next + added - 1 > uint.MaxValue)
                throw new TagCenterException(Texts.T("index.ordinals-full", next + added));
            if (added > 0)
                db.Execute($"""
                    INSERT INTO person_ordinals
                    SELECT oneid, CAST($1 + row_number() OVER (ORDER BY oneid) - 1 AS UINTEGER)
                    FROM (SELECT DISTINCT oneid FROM {personsTable} p WHERE oneid IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM person_ordinals o WHERE o.oneid = p.oneid))
                    """, next);
            return added;
        });
    }
}
