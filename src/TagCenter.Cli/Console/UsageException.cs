using TagCenter.Core.Diagnostics;

namespace TagCenter.Cli.Console;

/// <summary>The command line asks for something that cannot be done as written (a bad <c>--as-of</c>, a file in the way).</summary>
internal sealed class UsageException : TagCenterException
{
    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception inner) : base(message, inner) { }

    public UsageException() { }
}
