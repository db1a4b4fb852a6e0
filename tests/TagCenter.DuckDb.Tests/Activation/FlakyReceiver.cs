using System.Collections.Concurrent;
using System.Net;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// A webhook receiver in memory: fails half the calls with 503 (the first, third… call of each delivery, so however
/// the dispatcher interleaves them, half of all calls fail), or every call while <see cref="Down"/>; records the
/// bodies it accepted by delivery id, as a receiver that dedupes would.
/// </summary>
internal sealed class FlakyReceiver : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private int _calls;

    public bool Down { get; set; }

    public bool FailEveryOther { get; set; } = true;

    public ConcurrentDictionary<string, int> Accepted { get; } = new();

    public ConcurrentBag<(string Signature, string Body)> Signed { get; } = [];

    public int Calls => _calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var id = request.Headers.GetValues(WebhookSignature.DeliveryHeader).Single();
        var n = _tries.AddOrUpdate(id, 1, (_, c) => c + 1);
        if (Down || (FailEveryOther && n % 2 == 1))
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        Accepted.AddOrUpdate(id, 1, (_, c) => c + 1);
        if (request.Headers.TryGetValues(WebhookSignature.Header, out var signature))
            Signed.Add((signature.Single(), body));
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
