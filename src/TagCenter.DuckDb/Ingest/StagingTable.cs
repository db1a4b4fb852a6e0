using TagCenter.Core.Cleansing;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// The next version of a source table, written beside the live one (<c>src_x__loading</c>) by the one
/// cleansing pass. It carries the problem columns until <see cref="SwapIn"/> moves bad rows to quarantine,
/// drops those columns and renames it over the live table, all inside the caller's transaction.
/// </summary>
internal sealed class StagingTable
{
    private readonly WorkspaceDatabase _database;
    private readonly SourceDefinition _source;

    public StagingTable(WorkspaceDatabase database, SourceDefinition source)
    {
        _database = database;
        _source = source;
        Name = SqlText.Ident(source.TableName + "__loading");
    }

    /// <summary>The quoted table name.</summary>
    public string Name { get; }

    public void Create(string loadId, string rawRelation, string countryCode, bool numberLater) =>
        _database.Execute($"""
            CREATE OR REPLACE TABLE {Name} AS
            SELECT {SqlText.Literal(_source.Name)} AS _source, {SqlText.Literal(loadId)} AS _load_id, *
            FROM ({CleansingPlan.Select(_source, rawRelation, countryCode, numberLater ? "NULL" : "_line")})
            """);

    /// <summary>
    /// Numbers rows by their position (a CTAS keeps the file's order), shifting each row by the records the
    /// reader rejected before it.
    /// </summary>
    public void NumberLines(int firstLine)
    {
        _database.Execute($"UPDATE {Name} SET _line = rowid + {firstLine}");
        if (_database.Scalar<long>($"SELECT count(*) FROM {RawReadContext.Rejects}") == 0)
            return;
        _database.Execute($"""
            UPDATE {Name} SET _line = {Name}._line + j.n
            FROM (SELECT s._line AS old_line, r.n
                  FROM {Name} s
                  ASOF JOIN (SELECT _line - (row_number() OVER (ORDER BY _line) - 1) AS good_line, row_number() OVER (ORDER BY _line) AS n
                             FROM {RawReadContext.Rejects}) r ON s._line >= r.good_line) j
            WHERE {Name}._line = j.old_line
            """);
    }

    public void MarkDuplicates()
    {
        if (_source.Dedupe.Count > 0)
            _database.Execute(CleansingPlan.MarkDuplicates(_source, Name));
    }

    /// <summary>Rows staged, rows with a problem, values nulled, records the reader rejected.</summary>
    public (long Parsed, long Bad, long Nulled, long Rejected) Count()
    {
        var nulled = string.Concat(CleansingPlan.NullableColumns(_source).Select(c => $" + count({CleansingPlan.Nulled(c)})"));
        var row = _database.Rows($"""
            SELECT count(*), count(*) FILTER (_error_reason IS NOT NULL), 0{nulled}, (SELECT count(*) FROM {RawReadContext.Rejects})
            FROM {Name}
            """)[0];
        return (Convert.ToInt64(row[0]), Convert.ToInt64(row[1]), Convert.ToInt64(row[2]), Convert.ToInt64(row[3]));
    }

    public List<ReasonCount> TopReasons()
    {
        var nulled = string.Concat(CleansingPlan.NullableColumns(_source).Select(c =>
            $" UNION ALL SELECT {CleansingPlan.Nulled(c)}, {SqlText.Literal(c.Name)}, 'nulled' FROM {Name} WHERE {CleansingPlan.Nulled(c)} IS NOT NULL"));
        return _database.Rows($"""
            SELECT reason, "column", action, count(*) AS n FROM (
                SELECT _error_reason AS reason, _error_column AS "column", 'quarantined' AS action FROM {Name} WHERE _error_reason IS NOT NULL
                UNION ALL SELECT reason, "column", 'quarantined' FROM {RawReadContext.Rejects}{nulled})
            GROUP BY ALL ORDER BY n DESC, reason LIMIT 10
            """).Select(r => new ReasonCount((string)r[0]!, (string?)r[1], Convert.ToInt64(r[3])) { Action = (string)r[2]! }).ToList();
    }

    /// <summary>
    /// Moves problem rows and nulled values out to a temporary quarantine batch and strips the problem
    /// columns, leaving exactly the rows and columns to publish. The staging table is not live yet, so this
    /// runs before the transaction (DuckDB cannot alter a table it deleted from in the same transaction).
    /// </summary>
    public void Prepare(string loadId)
    {
        var name = SqlText.Literal(_source.Name);
        var id = SqlText.Literal(loadId);
        _database.Execute($"CREATE OR REPLACE TEMP TABLE {Batch} AS SELECT * FROM quarantine LIMIT 0");
        _database.Execute($"""
            INSERT INTO {Batch}
            SELECT {name}, {id}, _line, _error_column, json_extract_string(_raw, '$."' || _error_column || '"'),
                   _error_reason, _error_detail, 'quarantined', _raw
            FROM {Name} WHERE _error_reason IS NOT NULL
            """);
        foreach (var column in CleansingPlan.NullableColumns(_source))
            _database.Execute($"""
                INSERT INTO {Batch}
                SELECT {name}, {id}, _line, {SqlText.Literal(column.Name)}, json_extract_string(_raw, {SqlText.Literal($"$.\"{column.Name}\"")}),
                       {CleansingPlan.Nulled(column)}, NULL, 'nulled', NULL
                FROM {Name} WHERE {CleansingPlan.Nulled(column)} IS NOT NULL
                """);
        _database.Execute($"""
            INSERT INTO {Batch}
            SELECT {name}, {id}, _line, "column", left(raw_value, 4096), reason, detail, 'quarantined', left(raw_value, 65536)
            FROM {RawReadContext.Rejects}
            """);
        _database.Execute($"DELETE FROM {Name} WHERE _error_reason IS NOT NULL");
        var problemColumns = new[] { "_error_column", "_error_reason", "_error_detail", "_raw" }
            .Concat(CleansingPlan.NullableColumns(_source).Select(c => c.Name + "__nulled"));
        foreach (var column in problemColumns)
            _database.Execute($"ALTER TABLE {Name} DROP COLUMN {SqlText.Ident(column)}");
    }

    /// <summary>Replaces the source's quarantine rows and the live table. Call inside a transaction.</summary>
    public void SwapIn()
    {
        _database.Execute("DELETE FROM quarantine WHERE source = $1", _source.Name);
        _database.Execute($"INSERT INTO quarantine SELECT * FROM {Batch}");
        _database.Execute($"DROP TABLE IF EXISTS {SqlText.Ident(_source.TableName)}");
        _database.Execute($"ALTER TABLE {Name} RENAME TO {SqlText.Ident(_source.TableName)}");
    }

    private const string Batch = "tc_quarantine_batch";

    public void Drop()
    {
        _database.Execute($"DROP TABLE IF EXISTS {Name}");
        _database.Execute($"DROP TABLE IF EXISTS temp.{Batch}");
    }
}
