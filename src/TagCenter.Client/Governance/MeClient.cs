namespace TagCenter.Client;

/// <summary><c>/api/v1/me</c>: who the key acts for and what it may do.</summary>
public sealed class MeClient
{
    private readonly ApiConnection _api;

    internal MeClient(ApiConnection api) => _api = api;

    public Task<CallerView> GetAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<CallerView>(ApiConnection.Api + "me", cancellationToken);
}

/// <summary>The caller: name, role (<c>admin</c>, <c>analyst</c>, <c>marketer</c>, <c>viewer</c>, <c>ingest</c>), scopes (<c>read</c>, <c>write</c>, <c>admin</c>, …), business line (null: every line), PII right.</summary>
public sealed record CallerView(string Name, string? Role, IReadOnlyList<string> Scopes, string? BusinessLine, bool PiiRead)
{
    public bool CanWrite => Scopes.Contains("write");

    public bool IsAdmin => Scopes.Contains("admin");
}
