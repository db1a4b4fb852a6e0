namespace TagCenter.Core.Workspace;

public enum SourceKind
{
    Csv,
    Jsonl,
    Parquet,
    Postgres,

    /// <summary>Events sent over HTTP by Segment/RudderStack SDKs (<c>/v1/batch</c>…): fed by the server's ingest
    /// consumer from the durable log, never by <c>tagcenter load</c>.</summary>
    Segment,
}
