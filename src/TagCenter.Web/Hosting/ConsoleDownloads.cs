using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TagCenter.Web.Api;

namespace TagCenter.Web.Hosting;

/// <summary>
/// Downloads (the tag dictionary as CSV, a segment's members): a link cannot send the API key, so the browser asks
/// <c>/console/download?path=api/v1/…</c> with its console cookie and this forwards the GET to the API with the key
/// in that cookie, streaming the answer back. Only GETs under <c>api/v1/</c>: nothing the key could not read itself.
/// </summary>
internal static class ConsoleDownloads
{
    public static void Map(WebApplication app) =>
        app.MapGet("/console/download", async (HttpContext context, string path, ApiAddress address, IHttpClientFactory clients) =>
        {
            if (!path.StartsWith("api/v1/", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal))
                return Results.BadRequest();
            var key = context.User.FindFirst(ConsoleAuth.KeyClaim)?.Value;
            using var http = clients.CreateClient(ConsoleApi.HttpClientName);
            http.BaseAddress = address.Base;
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            if (response.Content.Headers.ContentDisposition is { } disposition)
                context.Response.Headers.ContentDisposition = disposition.ToString();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            return Results.Empty;
        }).RequireAuthorization(ConsoleAuth.Policy).ExcludeFromDescription();
}
