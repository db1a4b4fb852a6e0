using System.Globalization;
using Npgsql;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// A PostgreSQL table or query, read with Npgsql (DuckDB's postgres extension is not available offline)
/// and appended into DuckDB in bulk; the row's position in the result stands for the line.
/// </summary>
internal sealed class PostgresRawReader : IRawReader
{
    private const string Stage = "tc_pg_stage";

    public async Task ReadAsync(RawReadContext context, CancellationToken cancellationToken)
    {
        var source = context.Source;
        var connectionString = ConnectionString(source);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            builder.Timeout = 5;
        var where = $"{builder.Host}:{builder.Port}/{builder.Database}";
        var sql = source.Query ?? $"SELECT * FROM {string.Join('.', source.Table!.Split('.').Select(SqlText.Ident))}";

        var db = context.Database;
        db.Execute($"DROP TABLE IF EXISTS {Stage}");
        db.Execute($"CREATE TABLE {Stage} (_line BIGINT, {string.Join(", ", source.Columns.Select(c => SqlText.Ident(c.Name) + " VARCHAR"))})");
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                throw new SourceLoadException(source.Name, $"cannot connect to PostgreSQL at {where}: {e.Message}", e);
            }
            await using var command = new NpgsqlCommand(sql, connection);
            NpgsqlDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new SourceLoadException(source.Name, $"PostgreSQL at {where} refused the {(source.Query is null ? "table" : "query")}: {e.MessageText}", e);
            }
            await using (reader.ConfigureAwait(false))
            {
                var ordinals = source.Columns.Select(c => Ordinal(reader, c.From, source.Name, where)).ToArray();
                using var appender = db.Connection.CreateAppender(Stage);
                long line = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = appender.CreateRow().AppendValue(++line);
                    foreach (var ordinal in ordinals)
                        row = row.AppendValue(Text(reader, ordinal));
                    row.EndRow();
                }
            }
            context.CreateEmptyRejects();
            db.Execute($"CREATE OR REPLACE TEMP TABLE tc_pg AS SELECT * FROM {Stage}");
            db.Execute($"CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS SELECT * FROM tc_pg");
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {Stage}");
        }
    }

    private static string ConnectionString(Core.Workspace.SourceDefinition source)
    {
        if (source.Connection is not null)
            return source.Connection;
        var value = Environment.GetEnvironmentVariable(source.ConnectionEnv!);
        return string.IsNullOrWhiteSpace(value)
            ? throw new SourceLoadException(source.Name, $"environment variable {source.ConnectionEnv} (connection_env) is not set")
            : value;
    }

    private static int Ordinal(NpgsqlDataReader reader, string column, string source, string where)
    {
        for (var i = 0; i < reader.FieldCount; i++)
            if (reader.GetName(i) == column)
                return i;
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName);
        throw new SourceLoadException(source, $"the result from {where} has no column '{column}'; it has: {string.Join(", ", names)}");
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        return reader.GetValue(ordinal) switch
        {
            DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset o => o.UtcDateTime.AddHours(Core.Cleansing.StandardiserSql.EpochOffsetHours).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }
}
