using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TagCenter.Stores;

/// <summary>
/// The default store: one SQLite file in the workspace (<c>.tagcenter/control.db</c>), WAL so readers never wait for
/// the writer, and a busy timeout so a CLI command and the server can write it at the same time.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private readonly string _path;

    public SqliteDialect(string path)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30, Pooling = true };
        DataSource = SqliteFactory.Instance.CreateDataSource(builder.ConnectionString);
    }

    public override DbDataSource DataSource { get; }

    public override string Describe => _path;

    public override IReadOnlyList<string> Schema { get; } = ["PRAGMA journal_mode = WAL", .. Tables("INTEGER")];

    public override async Task<DbTransaction> BeginAuditAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for deferred: the write lock is taken before the last hash is read.
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
}
