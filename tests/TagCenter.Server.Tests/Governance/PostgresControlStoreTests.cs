using Npgsql;
using TagCenter.Stores;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// The control store contract on the real PostgreSQL that .ci/run starts (TAGCENTER_TEST_PG), each test in a schema
/// of its own; skipped, and said so, without it.
/// </summary>
public sealed class PostgresControlStoreTests : ControlStoreContract
{
    private readonly string _schema = "tc_gov_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connection;

    internal static string RequireServer() => TagCenter.Tests.TestPostgres.Require("the control store tests");

    /// <summary>A connection string whose tables land in a new schema of their own.</summary>
    internal static async Task<string> NewSchemaAsync(string schema)
    {
        var server = RequireServer();
        await using (var pg = new NpgsqlConnection(server))
        {
            await pg.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", pg);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    protected override async Task<IControlStore> OpenAsync()
    {
        _connection = await NewSchemaAsync(_schema);
        return await ControlStores.OpenAsync(_connection, "/unused", TestContext.Current.CancellationToken);
    }

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var pg = new NpgsqlConnection(_connection);
        await pg.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, pg);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is null)
            return;
        await base.DisposeAsync();
        await using var pg = new NpgsqlConnection(RequireServer());
        await pg.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", pg);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
