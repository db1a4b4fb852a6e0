using System.Text;
using DuckDB.NET.Data;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Profiles;

/// <summary>
/// Every person's document for a build, the same bytes <see cref="ProfileDocuments.Read"/> writes: each part's table
/// is read once for all the persons selected (not once per slice of them, which re-scanned every big table each
/// time), the parts come back as one stream of JSON fragments sorted by OneID that DuckDB sorts out of core within
/// its memory limit, and the fragments of one person are joined into the document here as they stream by, so
/// neither side holds more than one person.
/// </summary>
public static class ProfileScan
{
    /// <summary>Streams (OneID, document) for the persons <paramref name="persons"/> selects (a condition on <c>oneid</c>), in OneID order.</summary>
    public static IEnumerable<(string OneId, string Document)> Read(WorkspaceDatabase db, ProfileShape shape, string persons)
    {
        if (!shape.HasPersons)
            yield break;
        var parts = ProfileParts.Of(db, shape, persons);
        using var command = db.Connection.CreateCommand();
        command.UseStreamingMode = true;
        command.CommandText = Query(parts);
        using var reader = command.ExecuteReader();
        var fragments = new string?[parts.Count];
        string? person = null;
        while (reader.Read())
        {
            var oneId = reader.GetString(0);
            if (person is not null && person != oneId && Document(parts, fragments) is { } document)
                yield return (person, document);
            if (person != oneId)
                Array.Clear(fragments);
            person = oneId;
            fragments[reader.GetInt32(1)] = reader.IsDBNull(2) ? null : reader.GetString(2);
        }
        if (person is not null && Document(parts, fragments) is { } last)
            yield return (person, last);
    }

    /// <summary>Every part's fragments as (oneid, part, JSON), sorted by person and then by part.</summary>
    private static string Query(IReadOnlyList<ProfileParts.Part> parts) => $"""
        SELECT oneid, k, x FROM (
        {string.Join("\nUNION ALL\n", parts.Select((p, k) => $"SELECT oneid, {k} AS k, CAST(to_json(x) AS VARCHAR) AS x FROM ({p.Sql})"))}
        ) WHERE oneid IS NOT NULL
        ORDER BY oneid, k
        """;

    /// <summary>
    /// The document of one person from the fragments of its parts, or null when it has no identifiers (a fact row of
    /// a OneID the identity map no longer holds: the joined query starts from the identity map and never sees it).
    /// </summary>
    internal static string? Document(IReadOnlyList<ProfileParts.Part> parts, string?[] fragments)
    {
        if (fragments[0] is null)
            return null;
        var json = new StringBuilder("{");
        foreach (var (field, missing) in ProfileParts.Fields)
        {
            if (json.Length > 1)
                json.Append(',');
            json.Append('"').Append(field).Append("\":");
            if (field == "f")
                json.Append('[').AppendJoin(',', parts.Select((p, k) => (p, k)).Where(x => x.p.Field == "f").Select(x => fragments[x.k] ?? missing)).Append(']');
            else
                json.Append(Fragment(parts, fragments, field) ?? missing);
        }
        return json.Append('}').ToString();
    }

    private static string? Fragment(IReadOnlyList<ProfileParts.Part> parts, string?[] fragments, string field)
    {
        for (var k = 0; k < parts.Count; k++)
            if (parts[k].Field == field)
                return fragments[k];
        return null;
    }
}
