using Npgsql;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.Stores;

/// <summary>
/// Opens the control store a <c>--store</c> value names: nothing → SQLite at <c>.tagcenter/control.db</c> in the
/// workspace; <c>postgres://user:pass@host:port/db</c> (or an Npgsql <c>Host=…</c> string) → PostgreSQL;
/// <c>sqlite:&lt;path&gt;</c> → that SQLite file.
/// </summary>
public static class ControlStores
{
    public const string DefaultFile = "control.db";

    public static string DefaultPath(string workspaceRoot) => Path.Combine(workspaceRoot, ".tagcenter", DefaultFile);

    /// <summary>The environment variable naming the store when no <c>--store</c> is given (the activation store follows it too).</summary>
    public const string Variable = "TAGCENTER_STORE";

    /// <summary>The store <see cref="Variable"/> names (null: none, so SQLite in the workspace).</summary>
    public static string? Configured => Environment.GetEnvironmentVariable(Variable);

    public static async Task<IControlStore> OpenAsync(string? store, string workspaceRoot, CancellationToken cancellationToken)
    {
        StoreDialect dialect;
        if (string.IsNullOrWhiteSpace(store))
            dialect = new SqliteDialect(DefaultPath(workspaceRoot));
        else if (store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = store["sqlite:".Length..];
            dialect = new SqliteDialect(Path.IsPathRooted(path) ? path : Path.Combine(workspaceRoot, path));
        }
        else if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            dialect = new PostgresDialect(FromUri(store));
        else if (store.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            dialect = new PostgresDialect(store);
        else
            throw new TagCenterException(Texts.T("governance.store.unknown", store));
        try
        {
            return await SqlControlStore.OpenAsync(dialect, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await dialect.DataSource.DisposeAsync().ConfigureAwait(false);
            throw new TagCenterException(Texts.T("governance.store.open", dialect.Describe, e.Message), e);
        }
    }

    /// <summary>
    /// The Npgsql connection string a <c>--store</c> value names when it names PostgreSQL (<c>postgres://…</c> or
    /// <c>Host=…</c>); null for SQLite (nothing, or <c>sqlite:…</c>). The activation store follows the same value.
    /// </summary>
    public static string? PostgresConnection(string? store) =>
        string.IsNullOrWhiteSpace(store) || store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? null
        : store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ? FromUri(store)
        : store.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? store
        : throw new TagCenterException(Texts.T("governance.store.unknown", store));

    /// <summary>A <c>postgres://user:password@host:port/database?sslmode=require</c> URI as an Npgsql connection string.</summary>
    internal static string FromUri(string text)
    {
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432 };
        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
            builder.Database = Uri.UnescapeDataString(database);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ConnectionString;
    }
}
