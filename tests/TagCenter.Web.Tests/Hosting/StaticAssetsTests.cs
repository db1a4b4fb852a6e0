using System.Net;
using Microsoft.AspNetCore.TestHost;
using TagCenter.Server.Hosting;
using TagCenter.Web.Tests.EndToEnd;

namespace TagCenter.Web.Tests.Hosting;

/// <summary>
/// The console's scripts and styles are served wherever the server runs: by <c>dotnet tagcenter.dll serve</c> from
/// bin (not Development) and by an in-memory test host, without signing in; the pages themselves need sign-in.
/// </summary>
public sealed class StaticAssetsTests(ConsoleSite site)
{
    public static TheoryData<string, string, string> Assets => new()
    {
        { "/_content/MudBlazor/MudBlazor.min.css", "text/css", ".mud-" },
        { "/_content/MudBlazor/MudBlazor.min.js", "text/javascript", "mud" },
        { "/_framework/blazor.web.js", "text/javascript", "Blazor" },
        { "/_console/console.css", "text/css", ".tc-count" },
    };

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task Asset_FromTheServeProcess_IsServedAnonymously(string path, string type, string content)
    {
        using var http = new HttpClient { BaseAddress = site.Address };

        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(content);
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task Asset_FromATestHost_IsServedAnonymously(string path, string type, string content)
    {
        // A starter workspace of its own: the demo one is held by the serve process.
        var root = Path.Combine(Path.GetTempPath(), "tc-web-host-" + Guid.NewGuid().ToString("N"));
        var (exit, output) = await ConsoleSite.RunAsync(["init", root]);
        exit.ShouldBe(0, output);
        await using var app = ServerApp.Build(new ServerOptions { WorkspaceRoot = root }, b => b.WebHost.UseTestServer());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = app.GetTestClient();

        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(content);
        await app.StopAsync(TestContext.Current.CancellationToken);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToSignIn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = site.Address };

        var response = await http.GetAsync("/segments", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/signin");
    }
}
