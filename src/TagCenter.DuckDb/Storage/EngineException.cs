using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Storage;

/// <summary>The engine refused a statement; carries the failing SQL once.</summary>
public sealed class EngineException : TagCenterException
{
    public EngineException(string message, string sql, Exception inner) : base(message, inner) => Sql = sql;

    public EngineException() => Sql = "";

    public EngineException(string message) : base(message) => Sql = "";

    public EngineException(string message, Exception inner) : base(message, inner) => Sql = "";

    public string Sql { get; }
}
