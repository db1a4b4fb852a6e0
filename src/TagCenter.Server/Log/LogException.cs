using TagCenter.Core.Diagnostics;

namespace TagCenter.Server.Log;

/// <summary>The durable log cannot do what was asked (a write or fsync failed, an offset was retired, a
/// segment is corrupt). Its message is for the operator; the server turns it into a 5xx.</summary>
public sealed class LogException : TagCenterException
{
    public LogException(string message) : base(message) { }

    public LogException(string message, Exception inner) : base(message, inner) { }

    public LogException() { }
}
