using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TagCenter.Core.Text;
using TagCenter.Web.Formatting;
using TagCenter.Web.Hosting;

namespace TagCenter.Web.Text;

/// <summary>
/// The language of one console session (a browser tab's circuit): read from the <c>tc_lang</c> cookie when the page
/// loads, switched by <c>/console/lang</c> which sets the cookie and reloads. Texts come from the one text table
/// (<c>console.*</c> keys); numbers are written the way readers of that language expect.
/// </summary>
public sealed class ConsoleLanguage
{
    public const string Cookie = "tc_lang";

    public Language Current { get; set; } = Language.Zh;

    public string Code => Current == Language.Zh ? "zh-CN" : "en";

    public string T(string key, params object?[] args) => Texts.Format(key, Current, args);

    public string Count(long? value) => value is { } v ? Numbers.Count(v, Current) : "—";

    public static string Share(double? value) => value is { } v ? Numbers.Share(v) : "—";

    public static string Decimal(double? value) => value is { } v ? Numbers.Decimal(v) : "—";

    /// <summary>The language a request asks for: the cookie, else Accept-Language, else 简体中文.</summary>
    public static Language Of(HttpRequest request)
    {
        if (Texts.Parse(request.Cookies[Cookie]) is { } chosen)
            return chosen;
        var header = request.Headers.AcceptLanguage.ToString();
        return header.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Zh;
    }

    internal static void Map(WebApplication app) =>
        app.MapGet("/console/lang", (HttpContext context, string? to, string? back) =>
        {
            var language = Texts.Parse(to) ?? Language.Zh;
            context.Response.Cookies.Append(Cookie, language == Language.Zh ? "zh" : "en",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.Redirect(ConsoleAuth.LocalUrl(back));
        }).AllowAnonymous().ExcludeFromDescription();
}
