using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Profiles;

/// <summary>
/// A stamp of everything a profile document is made of: every write that can change one adds a row to one of
/// these tables (a load, an identity run, a tag run — real-time ones too —, a segment evaluation, a publication).
/// Two equal stamps mean the same profiles; a store of documents is current while its stamp is the engine's.
/// </summary>
public static class ProfileVersion
{
    private static readonly string[] Tables = ["loads", "identity_runs", "tag_runs", "segment_runs", "tag_catalog_history"];

    public static string Of(WorkspaceDatabase db)
    {
        var present = db.Rows($"SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND table_name IN ({string.Join(", ", Tables.Select(t => $"'{t}'"))})")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        if (present.Count == 0)
            return "empty";
        return db.Scalar<string>("SELECT " + string.Join(" || '/' || ", Tables.Select(t =>
            present.Contains(t) ? $"(SELECT count(*) FROM {t})" : "'-'")))!;
    }
}
