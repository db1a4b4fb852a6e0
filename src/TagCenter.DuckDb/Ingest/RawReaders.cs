using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Ingest;

internal static class RawReaders
{
    public static IRawReader For(SourceKind kind) => kind switch
    {
        SourceKind.Csv => new CsvRawReader(),
        SourceKind.Jsonl => new JsonlRawReader(),
        SourceKind.Parquet => new ParquetRawReader(),
        SourceKind.Postgres => new PostgresRawReader(),
        SourceKind.Segment => throw new Core.Diagnostics.SourceLoadException("segment", Core.Text.Texts.T("server.ingest.loadsegment")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown source kind"),
    };
}
