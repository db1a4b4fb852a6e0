using System.Data.Common;
using System.Globalization;

namespace TagCenter.Stores;

/// <summary>
/// The control store over ADO.NET: the same queries on SQLite and PostgreSQL (values always bound as parameters),
/// the differences kept in a <see cref="StoreDialect"/>. The schema is created when the store is opened.
/// Split by concern: users, keys, audit, drafts.
/// </summary>
internal sealed partial class SqlControlStore : IControlStore
{
    private readonly StoreDialect _dialect;

    private SqlControlStore(StoreDialect dialect) => _dialect = dialect;

    public string Describe => _dialect.Describe;

    public static async Task<SqlControlStore> OpenAsync(StoreDialect dialect, CancellationToken cancellationToken)
    {
        var store = new SqlControlStore(dialect);
        await using var connection = await store.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var statement in dialect.Schema)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return store;
    }

    private async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await _dialect.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Times are stored as UTC ISO-8601 text to the tick: sortable, and identical on both engines.</summary>
    private static string Time(DateTimeOffset at) => Core.Governance.AuditChain.Time(at);

    private static DateTimeOffset ReadTime(DbDataReader r, int i) =>
        DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? ReadTimeOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : ReadTime(r, i);

    private static string? StringOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public async ValueTask DisposeAsync() => await _dialect.DataSource.DisposeAsync().ConfigureAwait(false);
}
