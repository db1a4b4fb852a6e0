using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Index;

/// <summary>One activity column: a fact, or one event of the event fact (<see cref="ModelSchema.EventFact"/>).</summary>
public sealed record ActivitySource(string Fact, string? Event)
{
    public string Code => ActivityColumns.Code(Fact, Event);

    /// <summary>The source of a column code (<c>@orders</c>, <c>@events/page_view</c>).</summary>
    public static ActivitySource Of(string code)
    {
        var name = code.TrimStart('@');
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ActivitySource(name, null) : new ActivitySource(name[..slash], name[(slash + 1)..]);
    }
}

/// <summary>
/// The activity columns of the index (<see cref="ActivityColumns"/>), computed from the fact tables with the rows
/// the SQL of <c>did(…)</c> reads at the anchor (<c>oneid</c> set, <c>event_time</c> null or up to the anchor): for
/// the index builder over every person, and for real-time patches over the persons of a batch.
/// </summary>
public static class ActivityIndex
{
    /// <summary>How many event names of the event fact get a column (the most frequent); others are scanned.</summary>
    public const int MaxEvents = 32;

    /// <summary>Every fact table with persons and times, and the most frequent events of the event fact.</summary>
    public static IReadOnlyList<ActivitySource> Sources(WorkspaceDatabase db)
    {
        var sources = new List<ActivitySource>();
        foreach (var table in UnifiedModel.Tables(db))
        {
            var columns = db.Rows("SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND database_name <> 'temp'", table)
                .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            if (!columns.Contains("oneid") || !columns.Contains("event_time"))
                continue;
            var fact = table["fact_".Length..];
            sources.Add(new ActivitySource(fact, null));
            if (fact == ModelSchema.EventFact && columns.Contains("event"))
                sources.AddRange(db.Rows($"""
                    SELECT CAST("event" AS VARCHAR) e FROM {SqlText.Ident(table)} WHERE "event" IS NOT NULL AND oneid IS NOT NULL
                    GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT {MaxEvents}
                    """).Select(r => new ActivitySource(fact, (string)r[0]!)));
        }
        return sources;
    }

    /// <summary>
    /// A statement giving, per OneID with rows of <paramref name="fact"/> up to <paramref name="anchor"/>, one column
    /// per source: the days before the anchor of its latest row (<see cref="ActivityColumns.DaysBefore"/>), null
    /// without a row. <paramref name="oneIds"/> limits it to those persons.
    /// </summary>
    public static (string Sql, object?[] Parameters) Latest(string fact, IReadOnlyList<ActivitySource> sources, DateTime anchor, IReadOnlyList<string>? oneIds = null)
    {
        var parameters = new List<object?> { anchor };
        var columns = new List<string>();
        foreach (var source in sources)
        {
            if (source.Event is null)
                columns.Add("min(g)");
            else
            {
                parameters.Add(source.Event);
                columns.Add($"min(g) FILTER (WHERE \"event\" = CAST(${parameters.Count} AS VARCHAR))");
            }
        }
        var persons = "";
        if (oneIds is not null)
        {
            persons = " AND oneid " + Realtime.OneIdList.In(oneIds.Count, parameters.Count + 1);
            parameters.AddRange(oneIds);
        }
        var events = sources.Any(s => s.Event is not null) ? ", \"event\"" : "";
        var sql = $"""
            SELECT oneid{string.Concat(columns.Select((c, i) => $", {c} AS c{i}"))}
            FROM (
                SELECT oneid{events}, CASE WHEN event_time IS NULL THEN {ActivityColumns.Oldest}
                    ELSE least({ActivityColumns.Oldest}, (epoch_us(CAST($1 AS TIMESTAMP)) - epoch_us(event_time)) // 86400000000) END AS g
                FROM {SqlText.Ident("fact_" + fact)}
                WHERE oneid IS NOT NULL AND (event_time IS NULL OR event_time <= CAST($1 AS TIMESTAMP)){persons}
            ) GROUP BY oneid
            """;
        return (sql, [.. parameters]);
    }

    /// <summary>Writes the columns of <paramref name="sources"/> for the persons of <c>person_tags</c> (ordinals assigned).</summary>
    internal static List<IndexManifestTag> Build(WorkspaceDatabase db, IReadOnlyList<ActivitySource> sources, DateTime anchor, IndexFileWriter writer, CancellationToken cancellationToken)
    {
        var written = new List<IndexManifestTag>();
        foreach (var group in sources.GroupBy(s => s.Fact, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var columns = group.ToList();
            var builders = columns.Select(_ => new BitSlicedIndexBuilder(0, ActivityColumns.Oldest)).ToArray();
            var (latest, parameters) = Latest(group.Key, columns, anchor);
            var sql = $"""
                SELECT CAST(o.ordinal AS BIGINT) AS ordinal{string.Concat(columns.Select((_, i) => $", a.c{i}"))}
                FROM ({latest}) a JOIN {PersonOrdinals.Table} o USING (oneid)
                WHERE a.oneid IN (SELECT oneid FROM person_tags) ORDER BY 1
                """;
            using (var command = db.Connection.CreateCommand())
            {
                command.CommandText = sql;
                foreach (var parameter in parameters)
                    command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(parameter!));
                try
                {
                    using var reader = command.ExecuteReader();
                    var rows = 0L;
                    while (reader.Read())
                    {
                        var ordinal = (uint)reader.GetInt64(0);
                        for (var i = 0; i < builders.Length; i++)
                            if (!reader.IsDBNull(i + 1))
                                builders[i].Add(ordinal, reader.GetInt64(i + 1));
                        if ((++rows & 0xFFFF) == 0)
                            cancellationToken.ThrowIfCancellationRequested();
                    }
                }
                catch (System.Data.Common.DbException e)
                {
                    throw new EngineException(e.Message, sql, e);
                }
            }
            for (var i = 0; i < columns.Count; i++)
                written.Add(writer.Write(columns[i].Code, IndexEncoding.Integer, builders[i].Build()));
        }
        return written;
    }
}
