using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>Runs a fragment: numbers its values with the DuckDB dialect and binds them.</summary>
internal static class DbExtensions
{
    public static List<object?[]> Rows(this WorkspaceDatabase db, SqlFragment fragment)
    {
        var command = new SqlCommandBuilder(SqlDialect.DuckDb).Append(fragment).Build();
        return db.Rows(command.Sql, [.. command.Parameters]);
    }

    public static int Execute(this WorkspaceDatabase db, SqlFragment fragment)
    {
        var command = new SqlCommandBuilder(SqlDialect.DuckDb).Append(fragment).Build();
        return db.Execute(command.Sql, [.. command.Parameters]);
    }
}
