using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.Server.Ingest;

/// <summary>One reason a request was rejected: which message (its index in the batch, null for the body),
/// which field (a JSON path such as <c>batch[3].userId</c>), a stable code for clients, and the message.</summary>
public sealed record IngestError(int? Index, string Field, string Code, string Message);

/// <summary>A request broke the spec or the limits; nothing of it was accepted. The server answers 400 with
/// every <see cref="Errors"/> entry, so an SDK (which drops 4xx) does not retry it.</summary>
public sealed class IngestValidationException : TagCenterException
{
    public IngestValidationException(IReadOnlyList<IngestError> errors, int total)
        : base(Describe(errors, total))
    {
        Errors = errors;
        Total = total;
    }

    public IngestValidationException() : this([], 0) { }

    public IngestValidationException(string message) : base(message) => Errors = [];

    public IngestValidationException(string message, Exception inner) : base(message, inner) => Errors = [];

    public IReadOnlyList<IngestError> Errors { get; }

    /// <summary>How many errors were found (more than <see cref="Errors"/> lists when capped).</summary>
    public int Total { get; }

    private static string Describe(IReadOnlyList<IngestError> errors, int total)
    {
        // Each message already starts with its field ("batch[0].userId: …").
        var shown = string.Join("; ", errors.Take(3).Select(e => e.Message));
        return total == 1 ? Texts.T("server.ingest.rejected1", shown) : Texts.T("server.ingest.rejected", total, shown);
    }
}
