using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

internal sealed record RawReadContext(WorkspaceDatabase Database, WorkspaceDefinition Workspace, SourceDefinition Source, string TempDirectory)
{
    public const string RawRelation = "tc_raw_v";
    public const string Rejects = "tc_raw_rejects";

    /// <summary>
    /// Set by readers that stream (no <c>_line</c> column): the line of the first record. Staged rows are then
    /// numbered from their insertion order, which DuckDB keeps equal to the file's order.
    /// </summary>
    public int? LineFromInsertionOrder { get; set; }

    /// <summary>Work for after the staged pass has scanned the source (collecting the reader's rejects).</summary>
    public Action? AfterScan { get; set; }

    /// <summary>Work for when the load is over, whatever its outcome (deleting a transcoded copy).</summary>
    public Action? Cleanup { get; set; }

    /// <summary>
    /// The source's file. The workspace file already refuses paths that leave the workspace; this also refuses a
    /// link inside it that leads outside, unless the workspace allows paths outside.
    /// </summary>
    public string SourceFile
    {
        get
        {
            var path = Workspace.Resolve(Source.Path ?? throw new InvalidOperationException($"source {Source.Name} has no path"));
            if (!Workspace.AllowPathsOutside && !new SourcePaths(RealPath(Workspace.Root), false).IsInside(RealPath(path)))
                throw new SourceLoadException(Source.Name, Texts.T("ingest.link_outside", Source.Path, RealPath(path)));
            return path;
        }
    }

    /// <summary>The path with every link along it followed (as far as the parts exist).</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var real = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(real, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            var target = info.Exists ? info.ResolveLinkTarget(returnFinalTarget: true) : null;
            real = target is null ? next : Path.GetFullPath(target.FullName);
        }
        return real;
    }

    public void CreateEmptyRejects() =>
        Database.Execute($"CREATE OR REPLACE TEMP TABLE {Rejects} (_line BIGINT, \"column\" VARCHAR, reason VARCHAR, detail VARCHAR, raw_value VARCHAR)");
}
