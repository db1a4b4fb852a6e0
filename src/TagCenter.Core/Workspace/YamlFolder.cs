namespace TagCenter.Core.Workspace;

/// <summary>
/// The YAML files of one workspace folder (<c>tags/</c>, <c>segments/</c>, <c>boards/</c>), subfolders included,
/// in a stable order, each with the path a diagnostic shows (relative to the workspace, with '/').
/// </summary>
public static class YamlFolder
{
    public static IEnumerable<(string File, string Stem, string Text)> Read(string workspaceRoot, string folder)
    {
        var path = Path.Combine(workspaceRoot, folder);
        if (!Directory.Exists(path))
            yield break;
        foreach (var file in Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (Path.GetRelativePath(workspaceRoot, file).Replace('\\', '/'), Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
    }
}
