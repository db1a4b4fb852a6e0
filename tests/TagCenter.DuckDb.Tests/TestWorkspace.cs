using System.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tests;

/// <summary>A throw-away workspace folder with its own database, for one test.</summary>
internal sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public WorkspaceDefinition Definition { get; private set; } = null!;

    public WorkspaceDatabase Database { get; private set; } = null!;

    public TestWorkspace WithYaml(string yaml)
    {
        File.WriteAllText(Path.Combine(Root, WorkspaceDefinition.FileName), yaml);
        Definition = WorkspaceLoader.Load(Root);
        Database ??= WorkspaceDatabase.Open(Definition.DatabasePath);
        return this;
    }

    public TestWorkspace WithFile(string relative, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(content));
        return this;
    }

    public Task<LoadReport> LoadAsync(string source, LoadOptions options) =>
        new SourceLoader(Database, Definition, TimeProvider.System)
            .LoadAsync(Definition.FindSource(source)!, options, TestContext.Current.CancellationToken);

    public Task<LoadReport> LoadAsync(string source, bool force = false) =>
        new SourceLoader(Database, Definition, TimeProvider.System)
            .LoadAsync(Definition.FindSource(source)!, force, TestContext.Current.CancellationToken);

    public List<object?[]> Rows(string sql, params object?[] args) => Database.Rows(sql, args);

    public void Dispose()
    {
        Database?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
