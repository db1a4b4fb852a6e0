using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using TagCenter.Web.Api;

namespace TagCenter.Web.Tests.Hosting;

/// <summary>
/// Signing in checks the pasted key with <c>GET /api/v1/me</c>, which answers from the key alone: the workspace status
/// it asked before rents a reader connection of the engine and runs the freshness queries, so on a busy server a
/// sign-in waited behind the engine's work (the end-to-end tests saw sign-ins of over 30 s on a loaded CI machine).
/// </summary>
public sealed class SignInKeyCheckTests
{
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task CheckKey_AsksWhoTheKeyIs_WithTheKey_AndPassesTheAnswerOn(HttpStatusCode answer)
    {
        var api = new RecordingHandler(answer);

        var status = await ConsoleApi.CheckKeyAsync(new Clients(api), new ApiAddress(new LoopbackServer()), "tc_key_123", TestContext.Current.CancellationToken);

        status.ShouldBe(answer);
        api.Requests.ShouldBe(["GET /api/v1/me Bearer tc_key_123"]);
    }

    private sealed class RecordingHandler(HttpStatusCode answer) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath} {request.Headers.Authorization}");
            return Task.FromResult(new HttpResponseMessage(answer));
        }
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class LoopbackServer : IServer
    {
        public LoopbackServer()
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add("http://127.0.0.1:5000");
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
