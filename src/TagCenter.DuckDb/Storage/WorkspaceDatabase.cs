using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Storage;

/// <summary>The workspace's embedded DuckDB file: source tables, quarantine and load history.</summary>
public sealed partial class WorkspaceDatabase : IDisposable
{
    private WorkspaceDatabase(DuckDBConnection connection) => Connection = connection;

    public DuckDBConnection Connection { get; }

    /// <summary>Opens (creating if needed) a database file for writing, or an in-memory one for ":memory:".</summary>
    public static WorkspaceDatabase Open(string path)
    {
        if (path != ":memory:")
            CreateFolder(path);
        var database = new WorkspaceDatabase(Connect(path, $"DataSource={path}"));
        try
        {
            database.Execute(Schema);
        }
        catch
        {
            database.Dispose();   // the layout's transaction rolls back with the connection
            throw;
        }
        return database;
    }

    /// <summary>
    /// Opens a database for reading only: on a read-only folder, before anything was loaded (an empty database),
    /// and while another process writes to it (a copy of its last checkpoint; <see cref="Snapshot"/> says so).
    /// </summary>
    public static WorkspaceDatabase OpenReadOnly(string path)
    {
        if (!File.Exists(path))
            return Open(":memory:");
        try
        {
            return LaidOut(new WorkspaceDatabase(Connect(path, $"DataSource={path};ACCESS_MODE=READ_ONLY")), path);
        }
        catch (WorkspaceBusyException busy)
        {
            var copy = Path.Combine(Path.GetTempPath(), $"tagcenter-snapshot-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
            File.Copy(path, copy);
            if (File.Exists(path + ".wal"))
                File.Copy(path + ".wal", copy + ".wal");
            try
            {
                return LaidOut(new WorkspaceDatabase(Connect(copy, $"DataSource={copy};ACCESS_MODE=READ_ONLY")) { Snapshot = busy.Message, _temporaryCopy = copy }, path);
            }
            catch (TagCenterException)
            {
                DeleteCopy(copy);
                throw busy;
            }
        }
    }

    /// <summary>
    /// The database as read, or, when a writer created the file but stopped before laying out its tables or part-way
    /// through (nothing was loaded), an empty one, as when there is no file yet. A database of an older layout that
    /// holds loads cannot be upgraded read-only: the reader is told to let a writer do it.
    /// </summary>
    private static WorkspaceDatabase LaidOut(WorkspaceDatabase database, string path)
    {
        if (database.TableExists("loads") && database.TableExists("quarantine") && database.ColumnExists("loads", "error"))
            return database;
        var loaded = database.TableExists("loads") && database.Scalar<long>("SELECT count(*) FROM loads") > 0;
        database.Dispose();
        if (loaded)
            throw new TagCenterException(Texts.T("storage.old_layout", path));
        return Open(":memory:");
    }

    /// <summary>Set when this is a copy taken while another process was writing: why, for the user.</summary>
    public string? Snapshot { get; private init; }

    private string? _temporaryCopy;

    private CancellationToken _cancellation;

    /// <summary>
    /// Ctrl-C interrupts the statement that is running (DuckDB's interrupt) and it fails as cancelled; the
    /// transaction around it rolls back, so nothing is half-written.
    /// </summary>
    public IDisposable CancelWith(CancellationToken cancellationToken)
    {
        _cancellation = cancellationToken;
        return cancellationToken.Register(Interrupt);
    }

    /// <summary>Stops the statement running on the workspace connection (DuckDB interrupts the whole connection).</summary>
    public void Interrupt()
    {
        using var command = Connection.CreateCommand();
        command.Cancel();
    }

    private static void CreateFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TagCenterException(Texts.T("storage.folder", folder, e.Message), e);
        }
    }

    private static DuckDBConnection Connect(string path, string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            if (LockHolder().Match(e.Message) is { Success: true } held)
                throw new WorkspaceBusyException(Texts.T("storage.busy", path, held.Groups["pid"].Value), e);
            if (e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
                throw new IOException(Texts.T("storage.readonly", path), e);
            throw new TagCenterException(Texts.T("storage.open", path, e.Message), e);
        }
    }

    [GeneratedRegex(@"Could not set lock on file.*?\(PID (?<pid>\d+)\)|Conflicting lock is held in .*?PID (?<pid>\d+)", RegexOptions.Singleline)]
    private static partial Regex LockHolder();

    private static void DeleteCopy(string copy)
    {
        File.Delete(copy);
        File.Delete(copy + ".wal");
    }

    // One transaction: a process stopped while laying it out (Ctrl-C interrupts the statement) leaves all or none
    // of it. The ALTER upgrades workspaces laid out before the column existed.
    private const string Schema = """
        BEGIN TRANSACTION;
        CREATE TABLE IF NOT EXISTS loads (
            load_id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, location VARCHAR, fingerprint VARCHAR,
            started_at TIMESTAMP, finished_at TIMESTAMP,
            read BIGINT, loaded BIGINT, quarantined BIGINT, nulled BIGINT, status VARCHAR NOT NULL, error VARCHAR);
        CREATE TABLE IF NOT EXISTS quarantine (
            source VARCHAR NOT NULL, load_id VARCHAR NOT NULL, line BIGINT, "column" VARCHAR,
            raw_value VARCHAR, reason VARCHAR NOT NULL, detail VARCHAR, action VARCHAR NOT NULL, raw_row VARCHAR);
        ALTER TABLE loads ADD COLUMN IF NOT EXISTS error VARCHAR;
        COMMIT;
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

    /// <summary>Whether the workspace database has the table (not a temporary one, nor one of another attached database).</summary>
    public bool TableExists(string table) =>
        Scalar<long>($"SELECT count(*) FROM duckdb_tables() WHERE table_name = $1 AND {OwnTables}", table) > 0;

    /// <summary>Whether the workspace database's table (as <see cref="TableExists"/> takes it) has the column.</summary>
    public bool ColumnExists(string table, string column) =>
        Scalar<long>($"SELECT count(*) FROM duckdb_columns() WHERE table_name = $1 AND column_name = $2 AND {OwnTables}", table, column) > 0;

    /// <summary>The catalog rows of the workspace's own tables: temporary ones are in the database <c>temp</c>.</summary>
    private const string OwnTables = "database_name = current_database() AND schema_name = 'main'";

    /// <summary>How many threads the engine's queries use, for every connection of this database in the process.</summary>
    public void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        Execute($"SET threads = {threads.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new DuckDBParameter(parameter ?? DBNull.Value));
        return command;
    }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("TAGCENTER_TRACE_SQL") == "1";

    private T Run<T>(string sql, Func<T> action)
    {
        var started = Trace ? System.Diagnostics.Stopwatch.GetTimestamp() : 0;
        try
        {
            return action();
        }
        catch (DbException e) when (_cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("cancelled", e, _cancellation);
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

    public void Dispose()
    {
        Connection.Dispose();
        if (_temporaryCopy is not null)
            DeleteCopy(_temporaryCopy);
    }
}
