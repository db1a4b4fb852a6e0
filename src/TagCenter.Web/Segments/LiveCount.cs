using System.Diagnostics;
using TagCenter.Client;
using TagCenter.Web.Api;

namespace TagCenter.Web.Segments;

/// <summary>
/// The builder's live count: each edit of the rule restarts a short wait (debounce), then the rule is counted by the
/// API (<c>POST /segments/count</c>, answered from the bitmap index). An answer for an older rule than the latest
/// is dropped, so the number on screen is always the latest rule's. <see cref="RoundTripMs"/> is edit → answer.
/// </summary>
public sealed class LiveCount(Func<string, CancellationToken, Task<RuleCount>> count, TimeProvider time, TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _pending;
    private long _editedAt;

    public string Rule { get; private set; } = "";

    public RuleCount? Result { get; private set; }

    public ConsoleApiException? Error { get; private set; }

    public bool Busy { get; private set; }

    /// <summary>Milliseconds from the last edit to its answer being ready.</summary>
    public double? RoundTripMs { get; private set; }

    /// <summary>Raised when an answer (or error) for the latest rule is ready; the page re-renders.</summary>
    public event Func<Task>? Changed;

    /// <summary>The rule changed: count it after the delay unless it changes again first.</summary>
    public async Task EditAsync(string rule)
    {
        if (rule == Rule && (Result is not null || Error is not null || Busy))
            return;
        Rule = rule;
        _editedAt = Stopwatch.GetTimestamp();
        _pending?.Cancel();
        _pending?.Dispose();
        var cancel = _pending = new CancellationTokenSource();
        if (string.IsNullOrWhiteSpace(rule))
        {
            (Result, Error, Busy) = (null, null, false);
            await RaiseAsync().ConfigureAwait(false);
            return;
        }
        Busy = true;
        try
        {
            await Task.Delay(delay, time, cancel.Token).ConfigureAwait(false);
            var result = await count(rule, cancel.Token).ConfigureAwait(false);
            if (cancel.IsCancellationRequested)
                return;
            (Result, Error) = (result, null);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }
        catch (ConsoleApiException e)
        {
            if (cancel.IsCancellationRequested)
                return;
            (Result, Error) = (null, e);
        }
        Busy = false;
        RoundTripMs = Stopwatch.GetElapsedTime(_editedAt).TotalMilliseconds;
        await RaiseAsync().ConfigureAwait(false);
    }

    private Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }
}
