using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TagCenter.Web.Api;
using TagCenter.Web.Components;
using TagCenter.Web.Text;

namespace TagCenter.Web.Hosting;

/// <summary>
/// The web console, served by <c>tagcenter serve</c> at <c>/</c> beside the API at <c>/api/v1</c>. It is a client of
/// that API like any other (it calls it over HTTP with the signed-in user's key), so a page can show nothing the
/// caller's key could not read. The server adds it with one line in its services and one in its endpoints.
/// </summary>
public static class ConsoleApp
{
    /// <summary>The console's services: Blazor with interactive server rendering, MudBlazor, its cookie sign-in and API client.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        ConsoleAuth.Add(services);
        services.AddHttpClient(ConsoleApi.HttpClientName);
        services.AddSingleton<ApiAddress>();
        services.AddScoped<ConsoleLanguage>();
        services.AddScoped<ConsoleApi>();
    }

    /// <summary>Maps the console: its embedded scripts and styles, sign-in, language switch, and the pages.</summary>
    public static void Map(WebApplication app)
    {
        // After the server's authentication and authorization (added before this), before the endpoints run.
        app.UseAntiforgery();
        ConsoleAssets.Map(app);
        ConsoleAuth.Map(app);
        ConsoleDownloads.Map(app);
        ConsoleLanguage.Map(app);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(ConsoleAuth.Policy);
    }
}
