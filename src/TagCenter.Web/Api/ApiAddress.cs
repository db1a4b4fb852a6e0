using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TagCenter.Web.Api;

/// <summary>
/// Where the console reaches the API: the server it runs in, on the first address it listens on (a wildcard host
/// becomes loopback). The console goes through HTTP like a third party would, never to the engine.
/// </summary>
internal sealed class ApiAddress(IServer server)
{
    private Uri? _base;

    public Uri Base => _base ??= Resolve(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>The first http(s) address, with <c>0.0.0.0</c>, <c>[::]</c>, <c>+</c> and <c>*</c> made loopback.</summary>
    internal static Uri Resolve(IEnumerable<string> addresses)
    {
        var first = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 1 : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("the server listens on no address: the console cannot reach the API");
        var text = first.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        return new Uri(text.TrimEnd('/') + "/");
    }
}
