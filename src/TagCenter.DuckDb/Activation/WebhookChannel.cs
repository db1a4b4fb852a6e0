using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// POSTs one delivery as JSON, signed with HMAC-SHA256 over "t.body" when the action names a secret
/// (<see cref="WebhookSignature"/>), with <c>X-TagCenter-Delivery</c> for the receiver to dedupe retries and replays.
/// A status outside 2xx is a failure (retried).
/// </summary>
public sealed class WebhookChannel : IDeliveryChannel
{
    private readonly HttpClient _http;
    private readonly Func<string, string?> _secret;
    private readonly TimeProvider _time;

    public WebhookChannel(HttpClient http, TimeProvider time, Func<string, string?>? secret = null)
    {
        _http = http;
        _time = time;
        _secret = secret ?? Environment.GetEnvironmentVariable;
    }

    public int BatchSize => 1;

    public async Task DeliverAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            var body = Body(item);
            using var request = new HttpRequestMessage(HttpMethod.Post, item.Action.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, item.DeliveryId);
            if (item.Action.SecretEnv is { } env)
            {
                var secret = _secret(env) ?? throw new InvalidOperationException($"environment variable {env} (the webhook secret) is not set");
                request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret, _time.GetUtcNow().ToUnixTimeSeconds(), body));
            }
            foreach (var (name, value) in item.Action.Headers)
                request.Headers.TryAddWithoutValidation(name, value);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TagCenter", "1.0"));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {item.Action.Url}", null, response.StatusCode);
        }
    }

    /// <summary>The JSON body: the delivery id, trigger, person, occurrence and the occurrence's payload.</summary>
    public static string Body(OutboxItem item)
    {
        using var payload = JsonDocument.Parse(item.Payload);
        return JsonSerializer.Serialize(new
        {
            delivery_id = item.DeliveryId,
            trigger = item.Trigger,
            person = item.Person,
            occurrence = item.Occurrence,
            data = payload.RootElement,
        });
    }
}
