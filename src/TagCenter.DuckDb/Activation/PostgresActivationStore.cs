using Npgsql;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The activation store in PostgreSQL (<c>--store postgres://…</c>, as the control store): the same tables as
/// <see cref="SqliteActivationStore"/>, created on first use in the connection's schema (its <c>search_path</c>), so a
/// server and the CLI's runs of one deployment share one outbox. One store per database or schema, as for the control store.
/// </summary>
public sealed class PostgresActivationStore : SqlActivationStore
{
    // Integers are BIGINT and reals DOUBLE PRECISION so values read back as the same CLR types SQLite gives (long, double).
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS outbox (
            id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE, trigger TEXT NOT NULL, person TEXT NOT NULL,
            occurrence TEXT NOT NULL, action TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL,
            created_at BIGINT NOT NULL, due_at BIGINT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL DEFAULT 0,
            last_error TEXT, latency_ms DOUBLE PRECISION, delivered_at BIGINT);
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, due_at);
        CREATE INDEX IF NOT EXISTS outbox_person ON outbox (trigger, person);
        CREATE TABLE IF NOT EXISTS delivery_log (outbox_id BIGINT NOT NULL, attempt BIGINT NOT NULL, ok BIGINT NOT NULL,
            latency_ms DOUBLE PRECISION NOT NULL, error TEXT, at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS dead_letters (outbox_id BIGINT PRIMARY KEY, error TEXT, at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS consent_opt_outs (person TEXT NOT NULL, category TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (person, category));
        CREATE TABLE IF NOT EXISTS activation_tasks (id BIGSERIAL PRIMARY KEY, trigger TEXT, person TEXT, assignee TEXT,
            queue TEXT, detail TEXT, created_at BIGINT, delivery_id TEXT UNIQUE);
        CREATE TABLE IF NOT EXISTS activation_messages (id BIGSERIAL PRIMARY KEY, trigger TEXT, person TEXT, text TEXT,
            created_at BIGINT, delivery_id TEXT UNIQUE);
        CREATE TABLE IF NOT EXISTS bookmarks (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """;

    private PostgresActivationStore(NpgsqlConnection connection)
        : base(connection, Schema)
    {
    }

    /// <summary>Connects with an Npgsql connection string and creates the tables when missing.</summary>
    public static PostgresActivationStore Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            return new PostgresActivationStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Npgsql binds unnamed parameters to $1, $2, … in order.
    protected override string ParameterName(int position) => "";
}
