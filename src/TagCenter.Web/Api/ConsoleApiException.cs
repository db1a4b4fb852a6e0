namespace TagCenter.Web.Api;

/// <summary>An error answer from the API, with its ProblemDetails <c>code</c> and message in the user's language: pages show it as is.</summary>
public sealed class ConsoleApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
