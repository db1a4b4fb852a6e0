namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// Reads one source into the connection's staging relations, untyped:
/// <c>tc_raw_v</c> (<c>_line</c> plus one VARCHAR per declared column, named after it) and
/// <c>tc_raw_rejects</c> (records the reader itself could not split into columns).
/// </summary>
internal interface IRawReader
{
    Task ReadAsync(RawReadContext context, CancellationToken cancellationToken);
}
