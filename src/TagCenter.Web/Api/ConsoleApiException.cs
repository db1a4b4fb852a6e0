namespace TagCenter.Web.Api;

/// <summary>
/// An error answer from the API: its ProblemDetails <c>code</c>, message in the user's language, and for rule text
/// the diagnostics with line and column. Pages show the message as is and mark the diagnostics in the text.
/// </summary>
public sealed class ConsoleApiException(int status, string code, string message, IReadOnlyList<RuleDiagnostic>? diagnostics = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics ?? [];
}

/// <summary>One problem in a rule, at a line and column (1-based) of its text.</summary>
public sealed record RuleDiagnostic(int Line, int Column, string Message);
