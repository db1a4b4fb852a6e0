namespace TagCenter.Client;

/// <summary><c>/api/v1/models</c>: the workspace's models (RFM, churn, propensity, lookalike…), their versions and the distribution of their outputs (<c>tagcenter model list|show</c>).</summary>
public sealed class ModelsClient
{
    private const string Root = ApiConnection.Api + "models";

    private readonly ApiConnection _api;

    internal ModelsClient(ApiConnection api) => _api = api;

    public Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<ModelSummary>>(Root, cancellationToken);

    public Task<ModelDetail> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ModelDetail>(Root + "/" + Query.Segment(name), cancellationToken);
}
