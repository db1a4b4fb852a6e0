using System.Data.Common;
using Npgsql;

namespace TagCenter.Stores;

/// <summary>The shared store for several servers: PostgreSQL; the audit appender serialises on a transaction-scoped advisory lock.</summary>
internal sealed class PostgresDialect : StoreDialect
{
    private const long AuditLock = 0x7461_6763_6175_6469; // "tagcaudi"

    private readonly NpgsqlDataSource _source;
    private readonly string _describe;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _describe = $"postgres://{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override DbDataSource DataSource => _source;

    public override string Describe => _describe;

    public override IReadOnlyList<string> Schema { get; } = Tables("BIGINT");

    public override async Task<DbTransaction> BeginAuditAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@lock)";
        command.Parameters.Add(new NpgsqlParameter("lock", AuditLock));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return transaction;
    }
}
