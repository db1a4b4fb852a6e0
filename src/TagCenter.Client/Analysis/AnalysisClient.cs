namespace TagCenter.Client;

/// <summary><c>/api/v1/analysis</c>: portrait (TGI), overlap, funnel, paths, conversion — the figures of the CLI's analyses. A segment's trend is <see cref="SegmentsClient.TrendAsync"/>.</summary>
public sealed class AnalysisClient
{
    private const string Root = ApiConnection.Api + "analysis/";

    private readonly ApiConnection _api;

    internal AnalysisClient(ApiConnection api) => _api = api;

    public Task<Portrait> PortraitAsync(PortraitRequest request, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Portrait>(HttpMethod.Post, Root + "portrait", request, repeatable: true, cancellationToken);

    /// <summary>Overlap of two or more segments at their latest evaluations.</summary>
    public Task<Overlap> OverlapAsync(IEnumerable<string> segments, CancellationToken cancellationToken = default) =>
        _api.GetAsync<Overlap>(Query.Path(Root + "overlap", ("segments", string.Join(",", segments))), cancellationToken);

    public Task<FunnelResult> FunnelAsync(FunnelRequest request, CancellationToken cancellationToken = default) =>
        _api.SendAsync<FunnelResult>(HttpMethod.Post, Root + "funnel", request, repeatable: true, cancellationToken);

    public Task<PathsResult> PathsAsync(PathsRequest request, CancellationToken cancellationToken = default) =>
        _api.SendAsync<PathsResult>(HttpMethod.Post, Root + "paths", request, repeatable: true, cancellationToken);

    public Task<ConversionResult> ConversionAsync(ConversionRequest request, CancellationToken cancellationToken = default) =>
        _api.SendAsync<ConversionResult>(HttpMethod.Post, Root + "conversion", request, repeatable: true, cancellationToken);
}
