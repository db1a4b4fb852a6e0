using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Analysis;

/// <summary>
/// An analysis was asked for in a way that cannot be answered as written (a funnel of one step, a bad window):
/// a usage error, unlike <see cref="NotFoundException"/> for an event or dimension that does not exist.
/// </summary>
public sealed class AnalysisInputException : TagCenterException
{
    public AnalysisInputException(string message) : base(message) { }

    public AnalysisInputException(string message, Exception inner) : base(message, inner) { }

    public AnalysisInputException() { }
}
