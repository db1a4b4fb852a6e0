namespace TagCenter.Server.Hosting;

/// <summary>What <c>tagcenter serve</c> is started with: the workspace and where to listen.</summary>
public sealed record ServerOptions
{
    /// <summary>The workspace folder (holding <c>tagcenter.yaml</c>), absolute.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>Where Kestrel listens (loopback by default).</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>The control store (users, keys, audit, drafts): null for SQLite in the workspace, or <c>postgres://…</c>.</summary>
    public string? Store { get; init; }

    /// <summary>The language of responses when a request names none (<c>Accept-Language</c>, <c>?lang=</c>).</summary>
    public Core.Text.Language DefaultLanguage { get; init; } = Core.Text.Language.En;

    /// <summary>
    /// Persons per OneID range when the profile store is built (each range reads every engine table once, streamed in
    /// OneID order); 0 reads all persons in one range. The default, 1,000,000, is one range below a million persons
    /// and was measured to fit at 10M (ten ranges, 11.9 GB peak); one range of 10M was not tried.
    /// </summary>
    public int ProfileSliceSize { get; init; } = 1_000_000;

    /// <summary>
    /// DuckDB threads for the server's own engine work (applying events, the committed real-time path, reads); null:
    /// every core but one, at least one. The core left over keeps requests, the log's group commit and the live
    /// real-time path from queueing behind the engine (on 2 cores, 1 engine thread took the live p99 from a median of
    /// 12.4 ms to 10.3 ms over 3 alternating runs each, the committed path no slower). A run started through the API
    /// uses every core while it runs.
    /// </summary>
    public int? EngineThreads { get; init; }

    /// <summary><see cref="EngineThreads"/> as it applies on this machine.</summary>
    public int EffectiveEngineThreads => EngineThreads ?? Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// How far below the other threads the workspace writer runs, in Linux nice steps (0–19, at most down to nice 19;
    /// 0: alongside them). Every engine
    /// write runs on that thread (applying events, the committed real-time path, runs), and the engine's query work with
    /// it; requests, the log's group commit and the live real-time path stay at the usual priority, so when the cores are
    /// busy they go first. Lowering a thread's priority needs no privilege. On 2 cores, nice 10 took the live p99 from
    /// arrival from a median of 10.1 ms to 7.9 ms over 5 alternating runs each, the committed path no slower.
    /// </summary>
    public int WriterNice { get; init; } = DefaultWriterNice;

    /// <summary>The default of <see cref="WriterNice"/>.</summary>
    public const int DefaultWriterNice = 10;

    /// <summary>How long in-flight requests may finish after a shutdown signal.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
