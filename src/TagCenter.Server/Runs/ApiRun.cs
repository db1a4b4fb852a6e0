using System.Text.Json.Nodes;
using TagCenter.DuckDb.Pipeline;

namespace TagCenter.Server.Runs;

/// <summary>
/// A run or refresh started over the API: what it is doing now (step, done of total where known) and, once
/// finished, its report (the CLI's <c>--json</c>) or the error that ended it. Written by the run's own thread,
/// read by status requests; each field is replaced whole, so a reader sees a consistent value of each.
/// </summary>
public sealed class ApiRun(string id, string kind, DateTimeOffset startedAt)
{
    private readonly Lock _lock = new();

    public string Id { get; } = id;

    public string Kind { get; } = kind;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public string Status { get; private set; } = "running";

    public PipelineStep? Step { get; private set; }

    public string? Item { get; private set; }

    public int? Done { get; private set; }

    public int? Total { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public JsonNode? Result { get; private set; }

    public RunError? Error { get; private set; }

    internal CancellationTokenSource Cancellation { get; } = new();

    internal Task Completion { get; set; } = Task.CompletedTask;

    public bool Finished => FinishedAt is not null;

    /// <summary>Asks the run to stop; returns when it has.</summary>
    internal async Task CancelAsync()
    {
        await Cancellation.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
    }

    internal void At(PipelineStep step, string? item, int? done = null, int? total = null)
    {
        lock (_lock)
            (Step, Item, Done, Total) = (step, item, done, total);
    }

    internal void Finish(string status, DateTimeOffset at, JsonNode? result, RunError? error)
    {
        lock (_lock)
            (Status, FinishedAt, Result, Error) = (status, at, result, error);
    }

    /// <summary>The run as <c>GET /runs/{id}</c> shows it.</summary>
    public RunView View(DateTimeOffset now)
    {
        lock (_lock)
            return new RunView(Id, Kind, Status, Step, Item, Done, Total, StartedAt, FinishedAt,
                Math.Round(((FinishedAt ?? now) - StartedAt).TotalSeconds, 3), Result, Error);
    }
}

/// <summary>Why a run did not succeed, with the same stable codes as the API's problems.</summary>
public sealed record RunError(string Code, string Message);

/// <summary>A run's state: <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>; progress while it runs; the report when it is done.</summary>
public sealed record RunView(string Id, string Kind, string Status, PipelineStep? Step, string? Item, int? Done, int? Total,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double ElapsedSeconds, JsonNode? Result, RunError? Error);
