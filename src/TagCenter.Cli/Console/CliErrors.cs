using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Console;

/// <summary>
/// Every failure becomes one error record with an exit code of its kind, written to stderr: as text, or with
/// <c>--json</c> as <c>{error, code, exit_code, file, line, column, diagnostics}</c>. No stack traces for users
/// (set <c>TAGCENTER_DEBUG=1</c> to see one).
/// </summary>
internal static class CliErrors
{
    public static int Report(Exception exception, bool json, Texts t)
    {
        var (code, exit) = Classify(exception);
        var diagnostics = exception is WorkspaceException w ? w.Diagnostics : [];
        var first = diagnostics.Count > 0 ? diagnostics[0] : null;
        var message = exception switch
        {
            OperationCanceledException => t["error.cancelled"],
            EngineException e => FirstLine(e.Message),
            TagCenterException e => e.Message,
            IOException or UnauthorizedAccessException => exception.Message,
            _ => t.Format("error.internal", exception.GetType().Name, exception.Message),
        };
        var error = new ErrorRecord(message, code, exit, first?.File, first?.Line > 0 ? first.Line : null, first?.Line > 0 ? first.Column : null,
            [.. diagnostics.Select(d => new DiagnosticRecord(d.File, d.Line, d.Column, d.Message))]);
        Write(error, json, t);
        if (Environment.GetEnvironmentVariable("TAGCENTER_DEBUG") == "1")
            System.Console.Error.WriteLine(exception);
        return exit;
    }

    /// <summary>Errors of the command line itself (System.CommandLine's parse errors).</summary>
    public static int Usage(IEnumerable<string> messages, bool json, Texts t)
    {
        var list = messages.ToList();
        Write(new ErrorRecord(string.Join("; ", list) + " · " + t["error.help"], "usage", ExitCodes.Usage, null, null, null, []), json, t);
        return ExitCodes.Usage;
    }

    public static void Write(ErrorRecord error, bool json, Texts t)
    {
        if (json)
        {
            JsonOutput.WriteError(error);
            return;
        }
        // Plain lines, never wrapped: an error is copied into tickets and searched for.
        if (error.Diagnostics.Count == 0)
            System.Console.Error.WriteLine($"{t["error"]}: {error.Error}");
        foreach (var d in error.Diagnostics)
            System.Console.Error.WriteLine($"{t["error"]}: {new Diagnostic(d.File, d.Line, d.Column, d.Message)}");
    }

    private static (string Code, int Exit) Classify(Exception e) => e switch
    {
        OperationCanceledException => ("cancelled", ExitCodes.Cancelled),
        UsageException => ("usage", ExitCodes.Usage),
        WorkspaceException => ("workspace_invalid", ExitCodes.WorkspaceInvalid),
        SourceLoadException => ("source_failed", ExitCodes.SourcesFailed),
        NotFoundException => ("not_found", ExitCodes.NotFound),
        WorkspaceBusyException => ("busy", ExitCodes.Busy),
        IOException or UnauthorizedAccessException => ("io", ExitCodes.IoError),
        TagCenterException when e.InnerException is IOException or UnauthorizedAccessException => ("io", ExitCodes.IoError),
        TagCenterException => ("failed", ExitCodes.RunFailed),
        _ => ("internal", ExitCodes.Internal),
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>An error as a record: the same fields in text and JSON.</summary>
internal sealed record ErrorRecord(string Error, string Code, int ExitCode, string? File, int? Line, int? Column,
    IReadOnlyList<DiagnosticRecord> Diagnostics);

internal sealed record DiagnosticRecord(string File, int Line, int Column, string Message);
