using TagCenter.Core.Cleansing;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>Everything known about one person, found from any of its identifiers: <c>tagcenter profile</c>.</summary>
public sealed record PersonProfile(
    string OneId,
    IReadOnlyList<(string Type, string Value, IReadOnlyList<string> Rows, long RowCount)> Identifiers,
    IReadOnlyList<(string Field, string? Value, string? Source, long? Line)> Golden,
    IReadOnlyList<(DateTime At, string Kind, string Other, string Cause)> History,
    IReadOnlyList<(string Fact, long Rows)> Facts)
{
    /// <summary>Finds the person holding <paramref name="identifier"/>, written as the user would (a raw phone, any-case email, a OneID).</summary>
    public static PersonProfile? Find(WorkspaceDatabase db, WorkspaceDefinition workspace, string identifier)
    {
        if (!db.TableExists("identity_map"))
            return null; // identity never ran (and read-only callers must not create tables)
        var oneId = db.Scalar<string>("SELECT oneid FROM identity_map WHERE oneid = $1 LIMIT 1", identifier)
            ?? db.Scalar<string>("SELECT oneid FROM identity_map WHERE value = $1 LIMIT 1", identifier);
        if (oneId is null)
        {
            var (phone, email) = Standardised(db, workspace, identifier);
            oneId = db.Scalar<string>("SELECT oneid FROM identity_map WHERE value IN ($1, $2) LIMIT 1", phone ?? "", email ?? "");
        }
        if (oneId is null)
            return null;

        var identifiers = db.Rows("""
            SELECT m.type, m.value, list(o.source || ':' || o.line ORDER BY o.source, o.line)[:3], count(o.line)
            FROM identity_map m LEFT JOIN id_occurrences o USING (node)
            WHERE m.oneid = $1 GROUP BY m.type, m.value ORDER BY m.type, m.value
            """, oneId).Select(r => ((string)r[0]!, (string)r[1]!, (IReadOnlyList<string>)((List<string>)r[2]!).ToList(), Convert.ToInt64(r[3]))).ToList();
        var golden = new List<(string, string?, string?, long?)>();
        if (db.TableExists("dim_person"))
        {
            var row = db.Rows("SELECT * FROM dim_person WHERE oneid = $1", oneId).FirstOrDefault();
            var names = db.Rows("SELECT column_name FROM (DESCRIBE dim_person)").Select(r => (string)r[0]!).ToList();
            foreach (var field in workspace.Identity.Golden.Where(_ => row is not null))
            {
                var i = names.IndexOf(field.Name);
                if (i < 0)
                    continue;
                golden.Add((field.Name, Format(row![i]), row[names.IndexOf(field.Name + "__source")] as string,
                    row[names.IndexOf(field.Name + "__line")] is { } line ? Convert.ToInt64(line) : null));
            }
        }
        var history = db.Rows("""
            SELECT happened_at, kind, CASE WHEN oneid = $1 THEN other_oneid ELSE oneid END, cause
            FROM identity_history WHERE oneid = $1 OR other_oneid = $1 ORDER BY happened_at
            """, oneId).Select(r => ((DateTime)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!)).ToList();
        var facts = UnifiedModel.Tables(db)
            .Select(t => (t["fact_".Length..], db.Scalar<long>($"SELECT count(*) FROM {SqlText.Ident(t)} WHERE oneid = $1", oneId))).ToList();
        return new PersonProfile(oneId, identifiers, golden, history, facts);
    }

    /// <summary>
    /// <paramref name="identifier"/> standardised as a phone and as an email (null where it is not one): a value
    /// written the way a source writes it is stored the way identity stores it.
    /// </summary>
    public static (string? Phone, string? Email) Standardised(WorkspaceDatabase db, WorkspaceDefinition workspace, string identifier)
    {
        // The standardisers write SQL over a value expression; the value itself is bound as $1.
        var v = "CAST($1 AS VARCHAR)";
        var row = db.Rows($"SELECT {StandardiserSql.Phone(v, workspace.DefaultCountryCode)}, {StandardiserSql.Email(v)}", identifier)[0];
        return (row[0] as string, row[1] as string);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd") : t.ToString("yyyy-MM-dd HH:mm:ss"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
