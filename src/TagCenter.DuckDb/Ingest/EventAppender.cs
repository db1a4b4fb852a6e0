using TagCenter.Core.Cleansing;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>One event to append: its line (the server's log offset, unique within the source) and its JSON, UTF-8 as the log holds it.</summary>
public readonly record struct EventRow(long Line, ReadOnlyMemory<byte> Payload);

/// <summary>What one appended batch did. <c>Read = Loaded + Quarantined</c>.</summary>
public sealed record EventAppendReport(string Source, string LoadId, long Read, long Loaded, long Quarantined, long Nulled);

/// <summary>
/// Appends a batch of events (Segment messages from the server's durable log) to an event source's table: each
/// batch is cleansed exactly as a JSON Lines file holding those events would be (the same field extraction, the
/// same standardising and checks, quarantine with the reason), numbered by log offset instead of file line. Rows
/// whose de-duplication key is already in the table are quarantined as duplicates. A batch is one row of
/// <c>loads</c>, so the incremental identity run sees the source changed. Runs inside the caller's transaction.
/// </summary>
public static class EventAppender
{
    private const string Lines = "tc_event_lines";
    private const string Staged = "tc_event_staged";

    public static EventAppendReport Append(WorkspaceDatabase db, WorkspaceDefinition workspace, SourceDefinition source,
        IReadOnlyList<EventRow> events, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var loadId = RunIds.Next('L', time);
        var now = time.GetUtcNow().UtcDateTime;
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(events);
        Stage(db, workspace, source, events, loadId);
        var table = SqlText.Ident(source.TableName);
        var columns = "_source, _load_id, _line" + string.Concat(source.Columns.Select(c => ", " + SqlText.Ident(c.Name)));
        db.Execute($"CREATE TABLE IF NOT EXISTS {table} AS SELECT {columns} FROM {Staged} LIMIT 0");
        if (source.Dedupe.Count > 0)
        {
            db.Execute(CleansingPlan.MarkDuplicates(source, Staged));
            MarkSeen(db, source, table);
        }

        var counts = db.Rows($"""
            SELECT count(*), count(*) FILTER (_error_reason IS NOT NULL),
                   0{string.Concat(CleansingPlan.NullableColumns(source).Select(c => $" + count({CleansingPlan.Nulled(c)})"))},
                   (SELECT count(*) FROM {RawReadContext.Rejects})
            FROM {Staged}
            """)[0];
        var (parsed, bad, nulled, rejected) = (Convert.ToInt64(counts[0]), Convert.ToInt64(counts[1]), Convert.ToInt64(counts[2]), Convert.ToInt64(counts[3]));
        db.Execute($"INSERT INTO {table} ({columns}) SELECT {columns} FROM {Staged} WHERE _error_reason IS NULL");
        Quarantine(db, source, loadId);
        db.Execute(
            "INSERT INTO loads (load_id, source, location, fingerprint, started_at, finished_at, read, loaded, quarantined, nulled, status) VALUES ($1, $2, 'http', NULL, $3, $3, $4, $5, $6, $7, 'loaded')",
            loadId, source.Name, now, parsed + rejected, parsed - bad, bad + rejected, nulled);
        DropStaged(db);
        return new EventAppendReport(source.Name, loadId, parsed + rejected, parsed - bad, bad + rejected, nulled);
    }

    /// <summary>
    /// Cleanses <paramref name="events"/> into the temporary table <c>tc_event_staged</c> (the source's columns,
    /// <c>_source</c>, <c>_load_id</c>, <c>_line</c>, and <c>_error_reason</c> for a row that fails a rule) and
    /// <see cref="RawReadContext.Rejects"/>. <see cref="DropStaged"/> removes what it made.
    /// </summary>
    internal static void Stage(WorkspaceDatabase db, WorkspaceDefinition workspace, SourceDefinition source, IReadOnlyList<EventRow> events, string loadId)
    {
        db.Execute($"CREATE OR REPLACE TEMP TABLE {Lines} (_line BIGINT, j VARCHAR)");
        using (var appender = db.Connection.CreateAppender(Lines))
            foreach (var e in events)
                appender.CreateRow().AppendValue(e.Line).AppendValue(EventTimes.ToWorkspaceTime(e.Payload.Span, workspace.TimeZone)).EndRow();
        var context = new RawReadContext(db, workspace, source, Path.Combine(workspace.Root, ".tagcenter", "tmp"));
        context.CreateEmptyRejects();
        JsonlRawReader.Extract(context, Lines);
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE {Staged} AS
            SELECT {SqlText.Literal(source.Name)} AS _source, {SqlText.Literal(loadId)} AS _load_id, *
            FROM ({CleansingPlan.Select(source, RawReadContext.RawRelation, workspace.DefaultCountryCode)})
            """);
    }

    private static void DropStaged(WorkspaceDatabase db) =>
        db.Execute($"DROP TABLE IF EXISTS temp.{Staged}; DROP TABLE IF EXISTS temp.{Lines}; DROP VIEW IF EXISTS temp.{RawReadContext.RawRelation}; DROP TABLE IF EXISTS temp.tc_json; DROP TABLE IF EXISTS temp.{RawReadContext.Rejects}");

    /// <summary>A retry that got past the server's messageId window (older than it, or after a restart that lost it)
    /// must still not count twice: a key already in the table marks the row a duplicate.</summary>
    private static void MarkSeen(WorkspaceDatabase db, SourceDefinition source, string table)
    {
        var match = string.Join(" AND ", source.Dedupe.Select(k => $"t.{SqlText.Ident(k)} = s.{SqlText.Ident(k)}"));
        var row = string.Join(", ", source.Columns.Select(c => $"{SqlText.Ident(c.Name)} := s.{SqlText.Ident(c.Name)}"));
        db.Execute($"""
            UPDATE {Staged} s SET _error_column = {SqlText.Literal(source.Dedupe[0])}, _error_reason = '{ReasonCodes.Duplicate}',
                   _error_detail = 'already loaded', _raw = CAST(to_json(struct_pack({row})) AS VARCHAR)
            WHERE _error_reason IS NULL AND EXISTS (SELECT 1 FROM {table} t WHERE {match})
            """);
    }

    private static void Quarantine(WorkspaceDatabase db, SourceDefinition source, string loadId)
    {
        var name = SqlText.Literal(source.Name);
        var id = SqlText.Literal(loadId);
        db.Execute($"""
            INSERT INTO quarantine
            SELECT {name}, {id}, _line, _error_column, json_extract_string(_raw, '$."' || _error_column || '"'),
                   _error_reason, _error_detail, 'quarantined', _raw
            FROM {Staged} WHERE _error_reason IS NOT NULL
            """);
        foreach (var column in CleansingPlan.NullableColumns(source))
            db.Execute($"""
                INSERT INTO quarantine
                SELECT {name}, {id}, _line, {SqlText.Literal(column.Name)}, json_extract_string(_raw, {SqlText.Literal($"$.\"{column.Name}\"")}),
                       {CleansingPlan.Nulled(column)}, NULL, 'nulled', NULL
                FROM {Staged} WHERE {CleansingPlan.Nulled(column)} IS NOT NULL
                """);
        db.Execute($"""
            INSERT INTO quarantine
            SELECT {name}, {id}, _line, "column", left(raw_value, 4096), reason, detail, 'quarantined', left(raw_value, 65536)
            FROM {RawReadContext.Rejects}
            """);
    }
}
