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

    public string SourceFile =>
        Workspace.Resolve(Source.Path ?? throw new InvalidOperationException($"source {Source.Name} has no path"));

    public void CreateEmptyRejects() =>
        Database.Execute($"CREATE OR REPLACE TEMP TABLE {Rejects} (_line BIGINT, \"column\" VARCHAR, reason VARCHAR, detail VARCHAR, raw_value VARCHAR)");
}
