using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>What to tell a person about an engine error: DuckDB's own first line, never the SQL that follows it.</summary>
internal static class EngineErrors
{
    /// <summary>The first line of the engine's message; the statement stays on the exception (and TAGCENTER_TRACE_SQL).</summary>
    public static string Reason(EngineException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
