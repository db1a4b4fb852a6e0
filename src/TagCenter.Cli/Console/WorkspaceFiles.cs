using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Cli.Console;

/// <summary>Files the CLI writes for the user: a clear error instead of a stack trace when they cannot be written.</summary>
internal static class WorkspaceFiles
{
    /// <summary>Writes the whole file or nothing (temp file beside it, then renamed over it: see <see cref="DuckDb.Segments.SegmentFiles.Write"/>).</summary>
    public static void Write(string path, string content, List<string> written, System.Text.Encoding? encoding = null)
    {
        DuckDb.Segments.SegmentFiles.Write(path, content, encoding);
        written.Add(path);
    }

    public static void WriteIfMissing(string path, string content, List<string> written)
    {
        if (!File.Exists(path))
            Write(path, content, written);
    }

    /// <summary>The folder <paramref name="path"/> for output files: created if needed; an existing file there is an error.</summary>
    public static string OutputFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            throw new UsageException(Texts.T("storage.isfile", full));
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Texts.T("storage.folder", full, e.Message), e);
        }
        return full;
    }

    /// <summary>An output file that must not exist yet unless <paramref name="force"/>.</summary>
    public static string NewFile(string path, bool force)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new UsageException(Texts.T("export.isfolder", full));
        if (File.Exists(full) && !force)
            throw new UsageException(Texts.T("storage.exists", full));
        OutputFolder(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>
    /// The workspace's own files — its definition, tag files, source files and database — are never an output,
    /// not even with <c>--force</c>.
    /// </summary>
    public static void RefuseWorkspaceFile(string path, WorkspaceDefinition workspace)
    {
        var full = Path.GetFullPath(path);
        bool Under(string folder) => full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var own = full == Path.Combine(workspace.Root, WorkspaceDefinition.FileName)
            || Under(Path.Combine(workspace.Root, ".tagcenter"))
            || Under(Path.Combine(workspace.Root, "tags"))
            || workspace.Sources.Any(s => s.Path is { } p && workspace.Resolve(p) == full);
        if (own)
            throw new UsageException(Texts.T("storage.own_file", full));
    }
}
