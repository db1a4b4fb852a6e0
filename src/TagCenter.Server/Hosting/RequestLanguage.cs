using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TagCenter.Core.Text;

namespace TagCenter.Server.Hosting;

/// <summary>
/// The language of a request: <c>?lang=zh|en</c>, else the first language of <c>Accept-Language</c> we have, else
/// the server's default. It becomes <see cref="Texts.Current"/> for the request, so errors and diagnostics made
/// anywhere below are in that language; the response says which in <c>Content-Language</c>.
/// </summary>
internal static class RequestLanguage
{
    public static Language Of(HttpRequest request, Language fallback)
    {
        if (Texts.Parse(request.Query["lang"].ToString()) is { } asked)
            return asked;
        var header = request.Headers.AcceptLanguage.ToString();
        if (!string.IsNullOrWhiteSpace(header) && StringWithQualityHeaderValue.TryParseList([header], out var list))
            foreach (var tag in list.OrderByDescending(v => v.Quality ?? 1).Select(v => v.Value.ToString()))
            {
                if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
                    return Language.Zh;
                if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                    return Language.En;
            }
        return fallback;
    }

    public static Task Use(HttpContext context, RequestDelegate next, Language fallback)
    {
        var language = Of(context.Request, fallback);
        Texts.Current = language;
        context.Response.Headers.ContentLanguage = language == Language.Zh ? "zh-CN" : "en";
        return next(context);
    }
}
