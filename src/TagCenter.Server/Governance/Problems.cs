using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Governance;

/// <summary>Writes a ProblemDetails answer outside an exception (authentication's 401 and 403).</summary>
internal static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ApiProblems.Problem(context, status, code, detail) }).ConfigureAwait(false);
    }
}
