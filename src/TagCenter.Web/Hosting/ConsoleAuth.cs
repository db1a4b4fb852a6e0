using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Web.Api;

namespace TagCenter.Web.Hosting;

/// <summary>
/// Signing in to the console with the server's own credentials: the user pastes an API key, the console checks it
/// against the API (<c>GET /api/v1/me</c>, which needs the read scope and reads nothing of the workspace) and keeps it in an encrypted,
/// HTTP-only cookie; every page then calls the API with it. The pages need that cookie; without it the browser is
/// sent to <c>/signin</c>.
/// </summary>
internal static class ConsoleAuth
{
    public const string Scheme = "TagCenterConsole";
    public const string Policy = "console";
    public const string KeyClaim = "tc_key";
    public const string SignInPath = "/signin";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "tc_console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }

    public static void Map(WebApplication app)
    {
        app.MapPost("/console/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/console/signout", (Delegate)SignOutAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, ApiAddress address, IHttpClientFactory clients)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            return Results.Redirect(SignInPath + "?error=expired");
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var key = form["key"].ToString().Trim();
        var back = LocalUrl(form["returnUrl"].ToString());
        if (key.Length == 0)
            return Results.Redirect(SignInPath + "?error=missing");
        var status = await ConsoleApi.CheckKeyAsync(clients, address, key, context.RequestAborted).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
            return Results.Redirect(SignInPath + "?error=" + (status == HttpStatusCode.Forbidden ? "scope" : status == HttpStatusCode.Unauthorized ? "invalid" : "api"));
        var identity = new ClaimsIdentity([new Claim(KeyClaim, key), new Claim(ClaimTypes.Name, KeyLabel(key))], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        return Results.Redirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(Scheme).ConfigureAwait(false);
        return Results.Redirect(SignInPath);
    }

    /// <summary>What the app bar shows for a key: its first characters (the key itself is never shown).</summary>
    public static string KeyLabel(string key) => key.Length <= 10 ? key[..Math.Min(3, key.Length)] + "…" : key[..10] + "…";

    /// <summary>Only a path on this site (no <c>//host</c>, no scheme), so sign-in cannot redirect elsewhere.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
