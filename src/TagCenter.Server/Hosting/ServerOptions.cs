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

    /// <summary>How long in-flight requests may finish after a shutdown signal.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
