using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>One person's latest value of every published tag (person_tags), in catalog order: <c>tagcenter profile</c> and <c>GET /profiles/{id}</c>.</summary>
public static class PersonTagValues
{
    public static IReadOnlyList<(string Name, string Code, string? Value)> Of(WorkspaceDatabase db, string oneId)
    {
        if (!db.TableExists("person_tags") || PublishedCatalog.Load(db) is not { } catalog)
            return [];
        var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 'person_tags' AND column_name <> 'oneid'")
            .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var known = catalog.Tags.Where(tag => columns.Contains(tag.Code)).ToList();
        if (known.Count == 0)
            return [];
        var row = db.Rows($"SELECT {string.Join(", ", known.Select(tag => $"CAST({SqlText.Ident(tag.Code)} AS VARCHAR)"))} FROM person_tags WHERE oneid = $1", oneId);
        return [.. known.Select((tag, i) => (tag.Name, tag.Code, row.Count == 0 ? null : (string?)row[0][i]))];
    }
}
