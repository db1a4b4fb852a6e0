using Microsoft.Data.Sqlite;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The activation store in SQLite at <c>.tagcenter/activation.db</c>, the default: separate from the analytics
/// database so the dispatcher writes delivery state without holding DuckDB's single writer.
/// </summary>
public sealed class SqliteActivationStore : SqlActivationStore
{
    public const string FileName = "activation.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA busy_timeout = 5000;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, trigger TEXT NOT NULL, person TEXT NOT NULL,
            occurrence TEXT NOT NULL, action TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL,
            created_at INTEGER NOT NULL, due_at INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT, latency_ms REAL, delivered_at INTEGER);
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, due_at);
        CREATE INDEX IF NOT EXISTS outbox_person ON outbox (trigger, person);
        CREATE TABLE IF NOT EXISTS delivery_log (outbox_id INTEGER NOT NULL, attempt INTEGER NOT NULL, ok INTEGER NOT NULL,
            latency_ms REAL NOT NULL, error TEXT, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS dead_letters (outbox_id INTEGER PRIMARY KEY, error TEXT, at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS consent_opt_outs (person TEXT NOT NULL, category TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (person, category));
        CREATE TABLE IF NOT EXISTS activation_tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, trigger TEXT, person TEXT, assignee TEXT,
            queue TEXT, detail TEXT, created_at INTEGER, delivery_id TEXT UNIQUE);
        CREATE TABLE IF NOT EXISTS activation_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, trigger TEXT, person TEXT, text TEXT,
            created_at INTEGER, delivery_id TEXT UNIQUE);
        CREATE TABLE IF NOT EXISTS bookmarks (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """;

    private SqliteActivationStore(SqliteConnection connection)
        : base(connection, Schema)
    {
    }

    /// <summary>The store's path in a workspace: <c>.tagcenter/activation.db</c> beside the DuckDB file.</summary>
    public static string PathIn(string workspaceRoot) => Path.Combine(workspaceRoot, ".tagcenter", FileName);

    /// <summary>The store in the SQLite file at <paramref name="path"/> (created with its folder when missing).</summary>
    public static SqliteActivationStore Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return new SqliteActivationStore(connection);
    }

    /// <summary>A private in-memory store (tests, benchmarks).</summary>
    public static SqliteActivationStore InMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return new SqliteActivationStore(connection);
    }

    protected override string ParameterName(int position) => "$" + position;
}
