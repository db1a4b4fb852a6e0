using System.Data.Common;

namespace TagCenter.Stores;

/// <summary>
/// What differs between SQLite and PostgreSQL for the control store: how to connect, the schema's DDL and how the
/// audit appender takes its lock. Every query is the same text with <c>@name</c> parameters (both providers bind them).
/// </summary>
internal abstract class StoreDialect
{
    public abstract DbDataSource DataSource { get; }

    public abstract string Describe { get; }

    /// <summary>The tables, created when missing.</summary>
    public abstract IReadOnlyList<string> Schema { get; }

    /// <summary>Starts a transaction that holds the audit chain's lock until it ends.</summary>
    public abstract Task<DbTransaction> BeginAuditAsync(DbConnection connection, CancellationToken cancellationToken);

    protected static IReadOnlyList<string> Tables(string bigint) =>
    [
        "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, business_line TEXT, pii_read INTEGER NOT NULL, created_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, display TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, " +
            "business_line TEXT, pii_read INTEGER NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)",
        $"CREATE TABLE IF NOT EXISTS audit (seq {bigint} PRIMARY KEY, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL, at TEXT NOT NULL, " +
            "before_state TEXT, after_state TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, yaml TEXT NOT NULL, author TEXT NOT NULL, " +
            "author_line TEXT, status TEXT NOT NULL, created_at TEXT NOT NULL, reviewer TEXT, decided_at TEXT, note TEXT)",
    ];
}
