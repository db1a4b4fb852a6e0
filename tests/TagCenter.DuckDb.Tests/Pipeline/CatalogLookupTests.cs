using Shouldly;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tests.Pipeline;

/// <summary>
/// <see cref="WorkspaceDatabase.TableExists"/> and <see cref="WorkspaceDatabase.ColumnExists"/> answer for the
/// workspace's own tables alike: a temporary table, or one in another attached database, of the same name is not
/// the workspace's (the two used to filter the catalog each its own way).
/// </summary>
public sealed class CatalogLookupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tagcenter-catalog-").FullName;

    [Fact]
    public void OnlyTheWorkspacesOwnTables_Count()
    {
        using var db = WorkspaceDatabase.Open(Path.Combine(_folder, "tagcenter.duckdb"));
        db.Execute("CREATE TABLE own_table (own_column INTEGER)");
        db.Execute("CREATE TEMP TABLE temp_table (temp_column INTEGER)");
        db.Execute($"ATTACH '{Path.Combine(_folder, "other.duckdb")}' AS other");
        db.Execute("CREATE TABLE other.other_table (other_column INTEGER)");

        db.TableExists("own_table").ShouldBeTrue();
        db.ColumnExists("own_table", "own_column").ShouldBeTrue();
        db.ColumnExists("own_table", "no_such_column").ShouldBeFalse();
        db.TableExists("temp_table").ShouldBeFalse("a temporary table is the connection's, not the workspace's");
        db.ColumnExists("temp_table", "temp_column").ShouldBeFalse("a temporary table is the connection's, not the workspace's");
        db.TableExists("other_table").ShouldBeFalse("another database's table");
        db.ColumnExists("other_table", "other_column").ShouldBeFalse("another database's table");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
