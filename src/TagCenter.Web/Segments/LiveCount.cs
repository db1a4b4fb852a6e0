using TagCenter.Client;
using TagCenter.Web.Api;

namespace TagCenter.Web.Segments;

/// <summary>
/// The builder's live count: the rule is counted by the API (<c>POST /segments/count</c>, answered from the bitmap
/// index) with at most one call in flight. An edit with nothing in flight is sent at once; edits while a call is in
/// flight are folded, and when it returns only the latest rule is sent. An answer for an older rule than the latest
/// is dropped, so the number on screen is always the latest rule's; <see cref="Busy"/> says it is not yet.
/// <see cref="RoundTripMs"/> is edit → answer.
/// </summary>
/// <remarks>
/// No wait before sending: a fixed debounce would add its whole delay to every edit. Half-typed rules in the text
/// editor are sent too; the API answers a parse error without touching the data, and while one is in flight the
/// keystrokes after it cost one call in all.
/// </remarks>
public sealed class LiveCount(Func<string, CancellationToken, Task<RuleCount>> count, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private bool _inFlight;
    private long _editedAt;

    public string Rule { get; private set; } = "";

    public RuleCount? Result { get; private set; }

    public ConsoleApiException? Error { get; private set; }

    /// <summary>The number shown is not the latest rule's yet: its count is in flight or waits for the one in flight.</summary>
    public bool Busy { get; private set; }

    /// <summary>Milliseconds from the last edit to its answer being ready.</summary>
    public double? RoundTripMs { get; private set; }

    /// <summary>Raised when an answer (or error) for the latest rule is ready, or a blank rule cleared it; the page re-renders.</summary>
    public event Func<Task>? Changed;

    /// <summary>The rule changed: count it now, or after the call in flight if there is one.</summary>
    public async Task EditAsync(string rule)
    {
        lock (_gate)
        {
            if (rule == Rule && (Result is not null || Error is not null || Busy))
                return;
            Rule = rule;
            _editedAt = time.GetTimestamp();
            if (string.IsNullOrWhiteSpace(rule))
                (Result, Error, Busy) = (null, null, false);
            else
            {
                Busy = true;
                if (_inFlight)
                    return; // the call in flight sends the latest rule when it returns
                _inFlight = true;
            }
        }
        if (string.IsNullOrWhiteSpace(rule))
            await RaiseAsync().ConfigureAwait(false);
        else
            await CountAsync(rule).ConfigureAwait(false);
    }

    // Counts `rule`, then the latest rule as long as the answer that came back is an older rule's.
    private async Task CountAsync(string rule)
    {
        while (true)
        {
            RuleCount? result = null;
            ConsoleApiException? error = null;
            try
            {
                result = await count(rule, _stop.Token).ConfigureAwait(false);
            }
            catch (ConsoleApiException e)
            {
                error = e;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return; // disposed (the page is gone)
            }
            catch
            {
                lock (_gate)
                    _inFlight = false; // let the next edit count again
                throw;
            }
            lock (_gate)
            {
                if (rule != Rule)
                {
                    if (string.IsNullOrWhiteSpace(Rule))
                    {
                        _inFlight = false; // cleared meanwhile: nothing to count
                        return;
                    }
                    rule = Rule;
                    continue;
                }
                _inFlight = false;
                (Result, Error, Busy) = (result, error, false);
                RoundTripMs = time.GetElapsedTime(_editedAt).TotalMilliseconds;
            }
            await RaiseAsync().ConfigureAwait(false);
            return;
        }
    }

    private Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
