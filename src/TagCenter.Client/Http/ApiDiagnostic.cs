namespace TagCenter.Client;

/// <summary>Where a rule or workspace file is wrong, as the server's ProblemDetails <c>diagnostics</c> say (1-based line and column).</summary>
public sealed record ApiDiagnostic(string? File, int? Line, int? Column, string? Message);
