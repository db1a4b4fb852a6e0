namespace TagCenter.Bench.Scale;

/// <summary>
/// The definition files of the source workspace copied to the scaled one (tagcenter.yaml, tags/, segments/, boards/,
/// models/, triggers/, experiments/, the control and activation stores…), without its DuckDB file and index (written
/// anew) and without its raw source files (<c>data/</c>, <c>exports/</c>: they hold the source's persons only, and a
/// run over them would replace the scaled data).
/// </summary>
internal static class WorkspaceFiles
{
    private static readonly HashSet<string> LeftOut = new(StringComparer.Ordinal)
    {
        "data", "exports", ".tagcenter/tagcenter.duckdb", ".tagcenter/tagcenter.duckdb.wal", ".tagcenter/index", ".tagcenter/tmp", ".ready",
    };

    public static IReadOnlyList<string> LeftOutNames => [.. LeftOut.Order(StringComparer.Ordinal)];

    /// <summary>Empties <paramref name="output"/> (only when it is a workspace or empty: never an unrelated folder) and copies the files into it.</summary>
    public static long Copy(string from, string output)
    {
        if (Directory.Exists(output))
        {
            if (Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(Path.Combine(output, "tagcenter.yaml")))
                throw new InvalidOperationException($"{output} is not empty and not a workspace: not overwriting it");
            Directory.Delete(output, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(output, ".tagcenter", "index"));
        return CopyFolder(from, output, "");
    }

    private static long CopyFolder(string from, string output, string relative)
    {
        var bytes = 0L;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(from, relative)))
        {
            var name = Path.Combine(relative, Path.GetFileName(entry)).Replace('\\', '/');
            if (LeftOut.Contains(name))
                continue;
            var target = Path.Combine(output, name);
            if (Directory.Exists(entry))
            {
                Directory.CreateDirectory(target);
                bytes += CopyFolder(from, output, name);
            }
            else
            {
                File.Copy(entry, target, overwrite: true);
                bytes += new FileInfo(entry).Length;
            }
        }
        return bytes;
    }
}
