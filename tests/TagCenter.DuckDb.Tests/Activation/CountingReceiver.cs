using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// A webhook receiver on a real local port (HttpListener): counts every request, fails the first try of each delivery
/// with 503 when <see cref="FailFirstTry"/> (so half of all requests fail however they interleave) or every request
/// while <see cref="Down"/>, and keeps what it accepted: each delivery id's count, and the persons in arrival order.
/// </summary>
internal sealed class CountingReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private readonly Lock _order = new();
    private readonly List<string> _persons = [];
    private int _calls;

    public CountingReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public bool Down { get; set; }

    public bool FailFirstTry { get; set; }

    /// <summary>How long each request takes to answer.</summary>
    public TimeSpan Delay { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public ConcurrentDictionary<string, int> Accepted { get; } = new();

    public IReadOnlyList<string> Persons
    {
        get
        {
            lock (_order)
                return [.. _persons];
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _calls);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        var id = context.Request.Headers[WebhookSignature.DeliveryHeader] ?? "";
        var n = _tries.AddOrUpdate(id, 1, (_, c) => c + 1);
        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        if (Down || (FailFirstTry && n == 1))
        {
            context.Response.StatusCode = 503;
        }
        else
        {
            lock (_order)
            {
                Accepted.AddOrUpdate(id, 1, (_, c) => c + 1);
                _persons.Add(body.RootElement.GetProperty("person").GetString()!);
            }
            context.Response.StatusCode = 200;
        }
        context.Response.Close();
    }

    public void Dispose() => _listener.Close();
}
