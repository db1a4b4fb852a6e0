namespace TagCenter.Client;

/// <summary>
/// Where the TagCenter server is and who calls it: what <see cref="TagCenterClient"/> and
/// <c>services.AddTagCenterClient(…)</c> need to build a client without an <see cref="HttpClient"/> of the caller's.
/// </summary>
public sealed class TagCenterClientOptions
{
    /// <summary>The server's root, e.g. <c>https://tags.example.com/</c> (the API is under <c>/api/v1</c>).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key (<c>tc_…</c>), sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A Segment write key for <c>TagCenterClient.Ingest</c> (sent as the Basic user); the API key when null.</summary>
    public string? WriteKey { get; set; }

    /// <summary><c>zh</c> or <c>en</c>: the language of the server's error messages and diagnostics (null: the server's default).</summary>
    public string? Language { get; set; }

    /// <summary>How long one call may take in all, retries included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How many times a failed call that may be repeated (5xx, 408, 429, transport error) is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; it doubles each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    internal TagCenterClientOptions Copy() => (TagCenterClientOptions)MemberwiseClone();
}
