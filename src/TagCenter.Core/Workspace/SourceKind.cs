namespace TagCenter.Core.Workspace;

public enum SourceKind
{
    Csv,
    Jsonl,
    Parquet,
    Postgres,
}
