using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Hosting;

/// <summary>
/// Every failure as RFC 9457 ProblemDetails with a stable <c>code</c> (and <c>diagnostics</c> with file, line and
/// column when a rule or workspace file is at fault). A user's mistake is a 4xx that says where and why; only a
/// real server fault is a 5xx (SDKs retry 5xx and drop 4xx), and it never shows a stack trace.
/// </summary>
internal sealed class ApiProblems(IProblemDetailsService problems, ILogger<ApiProblems> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            return true; // the client went away: nobody to answer
        var (status, code, detail) = Classify(exception);
        if (status >= 500)
            log.LogError(exception, "request {Method} {Path} failed: {Code}", context.Request.Method, context.Request.Path, code);
        var caller = Access.Caller.Of(context);
        var problem = Problem(context, status, code, Access.RuleHints.For(detail, caller));
        if (exception is WorkspaceException w)
            problem.Extensions["diagnostics"] = w.Diagnostics.Select(d => new { file = d.File, line = d.Line, column = d.Column, message = Access.RuleHints.For(d.Message, caller) }).ToList();
        if (exception is WorkspaceBusyException)
            context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A problem with the shape every TagCenter error has.</summary>
    public static ProblemDetails Problem(HttpContext context, int status, string code, string? detail) => new()
    {
        Status = status,
        Type = "urn:tagcenter:error:" + code,
        Title = Texts.T("server.api.status." + TitleKey(status)),
        Detail = detail,
        Instance = Access.PiiText.MaskedPath(context.Request.Path.Value ?? ""), // a phone typed in the path is not echoed
        Extensions = { ["code"] = code, ["trace_id"] = context.TraceIdentifier },
    };

    private static (int Status, string Code, string Detail) Classify(Exception e) => e switch
    {
        ApiException a => (a.Status, a.Code, a.Message),
        NotFoundException => (404, "not_found", e.Message),
        WorkspaceException => (422, "workspace_invalid", e.Message),
        WorkspaceBusyException => (503, "busy", e.Message),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "payload_too_large" : "invalid_body", Texts.T("server.api.body", b.InnerException?.Message ?? b.Message)),
        JsonException j => (400, "invalid_json", Texts.T("server.api.json", j.Path, j.LineNumber, j.BytePositionInLine, j.Message)),
        OperationCanceledException => (503, "cancelled", Texts.T("error.cancelled")),
        EngineException => (500, "engine", e.Message.Split('\n', 2)[0].Trim()),
        TagCenterException when e.InnerException is IOException => (500, "io", e.Message),
        TagCenterException => (422, "failed", e.Message),
        _ => (500, "internal", Texts.T("server.api.internal")),
    };

    private static string TitleKey(int status) => status switch
    {
        400 or 401 or 403 or 404 or 405 or 409 or 413 or 415 or 422 or 429 or 503 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        >= 500 => "500",
        _ => "400",
    };
}
