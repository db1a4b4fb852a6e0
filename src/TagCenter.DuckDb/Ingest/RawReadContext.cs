using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

internal sealed record RawReadContext(WorkspaceDatabase Database, WorkspaceDefinition Workspace, SourceDefinition Source, string TempDirectory)
{
    public const string RawRelation = "tc_raw_v";
    public const string Rejects = "tc_raw_rejects";

    public string SourceFile =>
        Workspace.Resolve(Source.Path ?? throw new InvalidOperationException($"source {Source.Name} has no path"));

    public void CreateEmptyRejects() =>
        Database.Execute($"CREATE OR REPLACE TEMP TABLE {Rejects} (_line BIGINT, \"column\" VARCHAR, reason VARCHAR, detail VARCHAR, raw_value VARCHAR)");
}
