using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// The requests a page has started and not finished, with their age: what a wait that timed out was stuck behind
/// (a document still streaming, a script never served, an API call queued), told in the failure instead of guessed.
/// </summary>
internal sealed class RequestsInFlight
{
    private readonly ConcurrentDictionary<IRequest, long> _started = new();

    public static RequestsInFlight Follow(IPage page)
    {
        var requests = new RequestsInFlight();
        page.Request += (_, r) => requests._started[r] = Stopwatch.GetTimestamp();
        page.RequestFinished += (_, r) => requests._started.TryRemove(r, out var _);
        page.RequestFailed += (_, r) => requests._started.TryRemove(r, out var _);
        return requests;
    }

    /// <summary>The page's URL and document state (asked for at most 5 s: a hung renderer must not hang the report) and each request in flight.</summary>
    public async Task<string> DescribeAsync(IPage page)
    {
        var state = page.EvaluateAsync<string>("document.readyState");
        var readyState = await Task.WhenAny(state, Task.Delay(5_000)) == state && state.IsCompletedSuccessfully ? state.Result : "(no answer in 5 s)";
        var pending = _started.Select(r => $"  {r.Key.Method} {r.Key.Url} ({r.Key.ResourceType}), {Stopwatch.GetElapsedTime(r.Value).TotalSeconds:0.0} s").ToList();
        return $"url {page.Url}, document {readyState}; {pending.Count} request(s) in flight{(pending.Count == 0 ? "" : ":\n" + string.Join('\n', pending))}";
    }
}
