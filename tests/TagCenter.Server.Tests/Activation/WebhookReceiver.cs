using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TagCenter.Server.Tests.Activation;

/// <summary>
/// A webhook receiver on a real local Kestrel port that fails a share of the requests (HTTP 500, decided by a seeded
/// random) and keeps every request it accepted: delivery id (header) and the body's trigger, person, occurrence.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Random _random = new(20261123);
    private readonly Lock _lock = new();

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Every accepted request, in arrival order (a delivery sent twice appears twice).</summary>
    public ConcurrentQueue<(string DeliveryId, string Trigger, string Person, string Occurrence)> Accepted { get; } = new();

    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    public static async Task<WebhookReceiver> StartAsync(double failShare, TimeSpan delay)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, url + "/hook");
        app.MapPost("/hook", async (HttpContext context) =>
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay);
            bool fail;
            lock (receiver._lock)
                fail = receiver._random.NextDouble() < failShare;
            if (fail)
            {
                Interlocked.Increment(ref receiver._refused);
                return Results.StatusCode(500);
            }
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            receiver.Accepted.Enqueue((context.Request.Headers["X-TagCenter-Delivery"].ToString(), root.GetProperty("trigger").GetString()!,
                root.GetProperty("person").GetString()!, root.GetProperty("occurrence").GetString()!));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
