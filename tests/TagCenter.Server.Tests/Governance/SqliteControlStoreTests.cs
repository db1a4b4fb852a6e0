using Microsoft.Data.Sqlite;
using TagCenter.Stores;

namespace TagCenter.Server.Tests.Governance;

/// <summary>The control store contract on SQLite (the default: <c>.tagcenter/control.db</c> in the workspace).</summary>
public sealed class SqliteControlStoreTests : ControlStoreContract
{
    private readonly TempFolder _folder = new();

    protected override Task<IControlStore> OpenAsync() => ControlStores.OpenAsync(null, _folder.Path, TestContext.Current.CancellationToken);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + ControlStores.DefaultPath(_folder.Path));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void Default_IsInTheWorkspacesTagcenterFolder() =>
        ControlStores.DefaultPath("/ws").ShouldBe(Path.Combine("/ws", ".tagcenter", "control.db"));

    [Theory]
    [InlineData("postgres://tc:p%40ss@db.example:6543/control?sslmode=require", "Host=db.example;Port=6543;Database=control;Username=tc;Password=p@ss;SSL Mode=Require")]
    [InlineData("postgresql://db/control", "Host=db;Port=5432;Database=control")]
    public void PostgresUri_BecomesAnNpgsqlConnectionString(string uri, string expected) =>
        ControlStores.FromUri(uri).ShouldBe(expected);

    [Fact]
    public async Task UnknownStore_IsAClearError()
    {
        var e = await Should.ThrowAsync<Core.Diagnostics.TagCenterException>(() => ControlStores.OpenAsync("mysql://x", _folder.Path, TestContext.Current.CancellationToken));
        e.Message.ShouldContain("mysql://x");
    }
}
