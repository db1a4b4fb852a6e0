using DuckDB.NET.Data;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Profiles;

/// <summary>
/// Every person's profile as one compact JSON document, read from the engine in one set-based query per slice of
/// persons — what <see cref="PersonProfile.Find"/> and the profile endpoint read for one person (identifiers with
/// the rows they were seen on, golden record with provenance, tag values, current segments, identity history,
/// fact counts, latest events), for all of them at once. A serving store keeps the documents so a profile is one
/// key lookup instead of a scan of every table. The document's arrays follow <see cref="ProfileShape"/>: golden
/// values in the order of its fields, tag values in the order of its codes, fact counts in the order of its facts.
/// </summary>
public static class ProfileDocuments
{
    /// <summary>How many of a person's latest events a document holds (the endpoint's default).</summary>
    public const int Events = 20;

    /// <summary>What the documents' positional arrays mean in this workspace, and whether there are persons at all.</summary>
    public static ProfileShape Shape(WorkspaceDatabase db, WorkspaceDefinition workspace)
    {
        var golden = new List<string>();
        if (db.TableExists("dim_person"))
        {
            var columns = db.Rows("SELECT column_name FROM (DESCRIBE dim_person)").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            golden.AddRange(workspace.Identity.Golden.Select(f => f.Name)
                .Where(n => columns.Contains(n) && columns.Contains(n + "__source") && columns.Contains(n + "__line")));
        }
        return new ProfileShape(db.TableExists("identity_map"), golden, [.. PersonTagValues.Stored(db).Select(t => t.Code)],
            [.. UnifiedModel.Tables(db).Select(t => t["fact_".Length..])]);
    }

    /// <summary>
    /// Streams (OneID, document) for the persons <paramref name="persons"/> selects: a SQL condition on a column
    /// <c>oneid</c> (a range of OneIDs, or a list of them), in OneID order.
    /// </summary>
    public static IEnumerable<(string OneId, string Document)> Read(WorkspaceDatabase db, ProfileShape shape, string persons)
    {
        if (!shape.HasPersons)
            yield break;
        using var command = db.Connection.CreateCommand();
        command.CommandText = Query(db, shape, persons);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetString(1));
    }

    /// <summary>Streams (identifier value, OneID) for the persons <paramref name="persons"/> selects: how a profile is found.</summary>
    public static IEnumerable<(string Value, string OneId)> Keys(WorkspaceDatabase db, string persons)
    {
        if (!db.TableExists("identity_map"))
            yield break;
        using var command = db.Connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT value, oneid FROM identity_map WHERE {persons} AND value IS NOT NULL ORDER BY value";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), reader.GetString(1));
    }

    private static string Query(WorkspaceDatabase db, ProfileShape shape, string persons)
    {
        var parts = ProfileParts.Of(db, shape, persons);
        var ctes = string.Join(",\n", parts.Select(p => $"{p.Key} AS ({p.Sql})"));
        var joins = string.Join("\n", parts.Select(p => $"LEFT JOIN {p.Key} USING (oneid)"));
        var facts = shape.Facts.Count == 0 ? "[]::BIGINT[]" : $"[{string.Join(", ", shape.Facts.Select((_, i) => $"coalesce(f{i}.x, 0)"))}]";
        var fields = new List<string>
        {
            "i: coalesce(i.x, [])",
            shape.Golden.Count > 0 ? "g: g.x" : "g: NULL",
            shape.Tags.Count > 0 ? "t: t.x" : "t: NULL",
            parts.Any(p => p.Key == "s") ? "s: coalesce(s.x, [])" : "s: []",
            parts.Any(p => p.Key == "h") ? "h: coalesce(h.x, [])" : "h: []",
            $"f: {facts}",
            parts.Any(p => p.Key == "e") ? "e: coalesce(e.x, [])" : "e: []",
        };
        return $"""
            WITH persons AS (SELECT DISTINCT oneid FROM identity_map WHERE {persons}),
            {ctes}
            SELECT oneid, CAST(to_json({"{"}{string.Join(", ", fields)}{"}"}) AS VARCHAR)
            FROM persons {joins}
            ORDER BY oneid
            """;
    }
}

/// <summary>What a profile document's positional arrays mean: golden fields, tag codes and fact names in order.</summary>
public sealed record ProfileShape(bool HasPersons, IReadOnlyList<string> Golden, IReadOnlyList<string> Tags, IReadOnlyList<string> Facts);
