using System.Data;
using System.Globalization;
using Npgsql;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// A PostgreSQL table or query, read with Npgsql (DuckDB's postgres extension is not available offline)
/// and appended into DuckDB in bulk; the row's position in the result stands for the line. The read runs in a
/// READ ONLY transaction that is rolled back, and a query must be one statement: a source never changes the
/// user's database.
/// </summary>
internal sealed class PostgresRawReader : IRawReader
{
    private const string Stage = "tc_pg_stage";

    // SQLSTATE read_only_sql_transaction
    private const string ReadOnlyViolation = "25006";

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
                throw new SourceLoadException(source.Name, Texts.T("ingest.pg_connect", where, e.Message), e);
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await RequireOneStatementAsync(command, source.Name, where, source.Query is not null, cancellationToken).ConfigureAwait(false);
            var reader = await ExecuteAsync(command, CommandBehavior.Default, source.Name, where, source.Query is not null, cancellationToken).ConfigureAwait(false);
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
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            context.CreateEmptyRejects();
            db.Execute($"CREATE OR REPLACE TEMP TABLE tc_pg AS SELECT * FROM {Stage}");
            db.Execute($"CREATE OR REPLACE TEMP VIEW {RawReadContext.RawRelation} AS SELECT * FROM tc_pg");
        }
        finally
        {
            db.Execute($"DROP TABLE IF EXISTS {Stage}");
        }
    }

    /// <summary>
    /// Has the server parse and describe the text without running it, and refuses more than one statement
    /// (<c>SELECT …; DROP …</c>) before anything runs.
    /// </summary>
    private static async Task RequireOneStatementAsync(NpgsqlCommand command, string source, string where, bool isQuery, CancellationToken cancellationToken)
    {
        var reader = await ExecuteAsync(command, CommandBehavior.SchemaOnly, source, where, isQuery, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            // Obsolete in favour of NpgsqlBatch, which is for sending several statements; here it is the one place
            // that says how many statements Npgsql split the user's text into, without us parsing SQL.
#pragma warning disable CS0618
            var statements = reader.Statements.Count;
#pragma warning restore CS0618
            if (statements != 1)
                throw new SourceLoadException(source, Texts.T("ingest.pg_one_statement", statements));
        }
    }

    private static async Task<NpgsqlDataReader> ExecuteAsync(
        NpgsqlCommand command, CommandBehavior behavior, string source, string where, bool isQuery, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == ReadOnlyViolation)
        {
            throw new SourceLoadException(source, Texts.T("ingest.pg_read_only", where, e.MessageText), e);
        }
        catch (PostgresException e)
        {
            throw new SourceLoadException(source, Texts.T(isQuery ? "ingest.pg_query_refused" : "ingest.pg_table_refused", where, e.MessageText), e);
        }
    }

    private static string ConnectionString(Core.Workspace.SourceDefinition source)
    {
        if (source.Connection is not null)
            return source.Connection;
        var value = Environment.GetEnvironmentVariable(source.ConnectionEnv!);
        return string.IsNullOrWhiteSpace(value)
            ? throw new SourceLoadException(source.Name, Texts.T("ingest.pg_env_unset", source.ConnectionEnv))
            : value;
    }

    private static int Ordinal(NpgsqlDataReader reader, string column, string source, string where)
    {
        for (var i = 0; i < reader.FieldCount; i++)
            if (reader.GetName(i) == column)
                return i;
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName);
        throw new SourceLoadException(source, Texts.T("ingest.pg_no_column", where, column, string.Join(", ", names)));
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
