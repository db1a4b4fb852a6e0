using System.Net;
using System.Text;

namespace TagCenter.Server.Tests.Client;

/// <summary>A server stand-in: answers each request with the next of its scripted answers (the last one repeats) and keeps what it was sent.</summary>
internal sealed class FakeHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    public List<(HttpMethod Method, string Path, string? Authorization, string? Language, string? Body)> Sent { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        int call;
        lock (Sent)
        {
            Sent.Add((request.Method, request.RequestUri!.PathAndQuery, request.Headers.Authorization?.ToString(), request.Headers.AcceptLanguage.ToString(), body));
            call = _calls++;
        }
        var (status, text) = answers[Math.Min(call, answers.Length - 1)];
        return new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
