using TagCenter.Core.Diagnostics;

namespace TagCenter.Server.Hosting;

/// <summary>
/// A request the API refuses, with its HTTP status and a stable error code (<c>invalid_body</c>,
/// <c>segment_exists</c>, …) that clients can switch on; the message is in the request's language.
/// </summary>
public sealed class ApiException : TagCenterException
{
    public ApiException(int status, string code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public ApiException() { }

    public ApiException(string message) : base(message) { }

    public ApiException(string message, Exception inner) : base(message, inner) { }

    public int Status { get; } = 400;

    public string Code { get; } = "bad_request";

    public static ApiException BadRequest(string code, string message) => new(400, code, message);

    public static ApiException NotFound(string code, string message) => new(404, code, message);

    public static ApiException Conflict(string code, string message) => new(409, code, message);
}
