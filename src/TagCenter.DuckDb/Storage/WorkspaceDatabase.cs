using System.Data.Common;
using DuckDB.NET.Data;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Storage;

/// <summary>The workspace's embedded DuckDB file: source tables, quarantine and load history.</summary>
public sealed class WorkspaceDatabase : IDisposable
{
    private WorkspaceDatabase(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    /// <summary>Opens (creating if needed) a database file, or an in-memory one for ":memory:".</summary>
    public static WorkspaceDatabase Open(string path)
    {
        if (path != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new DuckDBConnection($"DataSource={path}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new TagCenterException($"cannot open the workspace database {path}: {e.Message}", e);
        }
        var database = new WorkspaceDatabase(connection);
        database.Execute(Schema);
        return database;
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS loads (
            load_id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, location VARCHAR, fingerprint VARCHAR,
            started_at TIMESTAMP, finished_at TIMESTAMP,
            read BIGINT, loaded BIGINT, quarantined BIGINT, nulled BIGINT, status VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS quarantine (
            source VARCHAR NOT NULL, load_id VARCHAR NOT NULL, line BIGINT, "column" VARCHAR,
            raw_value VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR, action VARCHAR NOT NULL, raw_row VARCHAR);
        """;

    public int Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return Run(sql, command.ExecuteNonQuery);
    }

    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = Run(sql, command.ExecuteScalar);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return Run(sql, () =>
        {
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        });
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none of it.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        Execute("BEGIN TRANSACTION");
        try
        {
            var result = work();
            Execute("COMMIT");
            return result;
        }
        catch
        {
            try
            {
                Execute("ROLLBACK");
            }
            catch (EngineException)
            {
                // DuckDB may already have aborted the transaction on the error; the error is what matters.
            }
            throw;
        }
    }

    public void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    public bool TableExists(string table) =>
        Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = $1 AND NOT temporary", table) > 0;

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("TAGCENTER_TRACE_SQL") == "1";

    private static T Run<T>(string sql, Func<T> action)
    {
        var started = Trace ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw new EngineException(e.Message, sql, e);
        }
        finally
        {
            if (Trace)
                System.Console.Error.WriteLine($"[sql {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:0} ms] {sql.ReplaceLineEndings(" ")[..Math.Min(sql.Length, 140)]}");
        }
    }

    public void Dispose() => Connection.Dispose();
}
