using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>One person's latest value of every published tag (person_tags), in catalog order: <c>tagcenter profile</c> and <c>GET /profiles/{id}</c>.</summary>
public static class PersonTagValues
{
    public static IReadOnlyList<(string Name, string Code, string? Value)> Of(WorkspaceDatabase db, string oneId)
    {
        var known = Stored(db);
        if (known.Count == 0)
            return [];
        var row = db.Rows($"SELECT {string.Join(", ", known.Select(tag => $"CAST({SqlText.Ident(tag.Code)} AS VARCHAR)"))} FROM person_tags WHERE oneid = $1", oneId);
        return [.. known.Select((tag, i) => (tag.Name, tag.Code, row.Count == 0 ? null : (string?)row[0][i]))];
    }

    /// <summary>The published tags that have a column in person_tags, in catalog order (none before the first run).</summary>
    public static IReadOnlyList<Core.Tags.TagDefinition> Stored(WorkspaceDatabase db)
    {
        if (!db.TableExists("person_tags") || PublishedCatalog.Load(db) is not { } catalog)
            return [];
        var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_tags' AND column_name <> 'oneid'")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        return [.. catalog.Tags.Where(tag => columns.Contains(tag.Code))];
    }
}
