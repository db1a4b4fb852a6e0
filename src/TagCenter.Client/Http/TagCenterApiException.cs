using System.Net;

namespace TagCenter.Client;

/// <summary>
/// The server answered with an error: its ProblemDetails (RFC 9457) with TagCenter's stable <see cref="Code"/>
/// (<c>workspace_invalid</c>, <c>unauthenticated</c>, <c>segment_exists</c>, …) to switch on, the message in the
/// language asked for, and <see cref="Diagnostics"/> pointing into the rule or file at fault. A 4xx is never retried.
/// </summary>
public sealed class TagCenterApiException : Exception
{
    public TagCenterApiException() { }

    public TagCenterApiException(string message) : base(message) { }

    public TagCenterApiException(string message, Exception inner) : base(message, inner) { }

    internal TagCenterApiException(HttpStatusCode status, string code, string? title, string? detail, string? traceId, string? type,
        string? instance, IReadOnlyList<ApiDiagnostic> diagnostics, string? body)
        : base(Describe(status, code, title, detail, diagnostics))
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        TraceId = traceId;
        Type = type;
        Instance = instance;
        Diagnostics = diagnostics;
        Body = body;
    }

    /// <summary>The HTTP status (401, 404, 422, 503, …).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The server's stable error code; <c>http_&lt;status&gt;</c> when the answer was not a ProblemDetails.</summary>
    public string Code { get; } = "unknown";

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>The server's trace id for this request: quote it when asking the operators.</summary>
    public string? TraceId { get; }

    /// <summary>The problem type, <c>urn:tagcenter:error:&lt;code&gt;</c>.</summary>
    public string? Type { get; }

    /// <summary>The path that failed.</summary>
    public string? Instance { get; }

    /// <summary>Where a rule or file is wrong (empty for other errors).</summary>
    public IReadOnlyList<ApiDiagnostic> Diagnostics { get; } = [];

    /// <summary>The answer's body as it came (for fields this client does not know).</summary>
    public string? Body { get; }

    private static string Describe(HttpStatusCode status, string code, string? title, string? detail, IReadOnlyList<ApiDiagnostic> diagnostics)
    {
        var text = $"{(int)status} {code}: {detail ?? title}";
        foreach (var d in diagnostics)
            text += $"\n  {d.File}:{d.Line}:{d.Column}: {d.Message}";
        return text;
    }
}
