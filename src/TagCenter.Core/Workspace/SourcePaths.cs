namespace TagCenter.Core.Workspace;

/// <summary>Where source files may be: inside the workspace folder, unless it says <c>allow_paths_outside: true</c>.</summary>
internal sealed record SourcePaths(string Root, bool AllowOutside)
{
    /// <summary>Whether <paramref name="path"/> (relative to the workspace, or absolute) stays inside the workspace folder.</summary>
    public bool IsInside(string path)
    {
        var root = Path.GetFullPath(Root);
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path, root));
        return !(Path.IsPathRooted(relative) || relative == ".." ||
                 relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
                 relative.StartsWith("../", StringComparison.Ordinal));
    }
}
