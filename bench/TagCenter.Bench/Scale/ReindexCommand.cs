using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// <c>reindex --workspace W</c>: rebuilds a workspace's bitmap index from its last tag run, as a run ends, so a large
/// workspace built by <c>scale</c> takes a new index format without being built again. Stop a server on it first.
/// </summary>
internal static class ReindexCommand
{
    public static int Run(BenchArgs args)
    {
        var root = Path.GetFullPath(args.Values.TryGetValue("workspace", out var given) ? given : throw new ArgumentException("--workspace DIR"));
        var definition = WorkspaceLoader.Load(root);
        using var db = WorkspaceDatabase.Open(definition.DatabasePath);
        var report = TagIndexBuilder.Build(db, root, TimeProvider.System);
        Console.WriteLine($"reindex: {report.Tags} tags for {report.Persons:N0} persons, {report.Bytes / 1e6:0.0} MB in {report.Elapsed.TotalSeconds:0.0} s → {report.Path}");
        return 0;
    }
}
