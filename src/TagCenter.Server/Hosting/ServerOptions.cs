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
    /// Persons per OneID range when the profile store is built; 0 (the default) reads every engine table once for all
    /// persons, streamed in OneID order, which DuckDB sorts within its memory limit. A range re-reads every table, so
    /// set it only where DuckDB's temporary files must stay small.
    /// </summary>
    public int ProfileSliceSize { get; init; }

    /// <summary>How long in-flight requests may finish after a shutdown signal.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
