using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>One person's golden record and fact rows, read for the in-memory evaluator (explain).</summary>
public static class PersonDataReader
{
    public static PersonData Read(WorkspaceDatabase db, string oneId)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (db.TableExists("dim_person"))
        {
            var names = db.Rows("SELECT column_name FROM (DESCRIBE dim_person)").Select(r => (string)r[0]!).ToList();
            var row = db.Rows("SELECT * FROM dim_person WHERE oneid = $1", oneId).FirstOrDefault();
            for (var i = 0; row is not null && i < names.Count; i++)
                fields[names[i]] = Plain(row[i]);
        }
        var facts = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var table in UnifiedModel.Tables(db))
        {
            var names = db.Rows($"SELECT column_name FROM (DESCRIBE {SqlText.Ident(table)})").Select(r => (string)r[0]!).ToList();
            facts[table["fact_".Length..]] = [.. db.Rows($"SELECT * FROM {SqlText.Ident(table)} WHERE oneid = $1", oneId)
                .Select(r => (IReadOnlyDictionary<string, object?>)names.Select((n, i) => (n, Plain(r[i]))).ToDictionary(x => x.n, x => x.Item2))];
        }
        return new PersonData(fields, facts);
    }

    private static object? Plain(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };
}
