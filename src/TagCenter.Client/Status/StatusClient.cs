namespace TagCenter.Client;

/// <summary><c>/api/v1/status</c>: each source's last load and quarantine reasons, and how fresh each stage is (<c>tagcenter status</c>).</summary>
public sealed class StatusClient
{
    private readonly ApiConnection _api;

    internal StatusClient(ApiConnection api) => _api = api;

    public Task<WorkspaceStatus> GetAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<WorkspaceStatus>(ApiConnection.Api + "status", cancellationToken);

    /// <summary>Whether the server is up (<c>/health</c>, no key needed).</summary>
    public async Task<bool> HealthyAsync(CancellationToken cancellationToken = default)
    {
        using var request = _api.Request(HttpMethod.Get, "health", null, repeatable: false);
        using var response = await _api.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}
