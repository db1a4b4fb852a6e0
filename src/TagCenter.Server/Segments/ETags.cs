using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TagCenter.Server.Segments;

/// <summary>
/// A weak ETag over the JSON an endpoint answers with: a client that sends it back in <c>If-None-Match</c> gets a
/// 304 without the body. Cheap where the body is small (lists, a page of members): it is serialized once anyway.
/// </summary>
internal static class ETags
{
    public static IResult Ok<T>(HttpContext context, T value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var tag = "W/\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 16)) + "\"";
        context.Response.Headers.ETag = tag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(x => x.Trim() == tag || x.Trim() == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json");
    }
}
