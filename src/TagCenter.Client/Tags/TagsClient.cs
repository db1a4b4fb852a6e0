namespace TagCenter.Client;

/// <summary><c>/api/v1/tags</c>: the tag tree, the dictionary, one tag with lineage and distribution, why a person holds a value. Only the tags the key may see.</summary>
public sealed class TagsClient
{
    private readonly ApiConnection _api;

    internal TagsClient(ApiConnection api) => _api = api;

    /// <summary>The tag tree 维度 → 主题 → 标签 (<c>tagcenter tags</c>).</summary>
    public Task<IReadOnlyList<TagDimension>> TreeAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<TagDimension>>(ApiConnection.Api + "tags", cancellationToken);

    /// <summary>The tag dictionary 标签字典 (<c>tagcenter tags dictionary</c>).</summary>
    public Task<IReadOnlyList<TagView>> DictionaryAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<TagView>>(ApiConnection.Api + "tags/dictionary", cancellationToken);

    /// <summary>The dictionary as CSV (UTF-8 with a BOM, as Excel reads Chinese right).</summary>
    public async Task<string> DictionaryCsvAsync(CancellationToken cancellationToken = default)
    {
        using var request = _api.Request(HttpMethod.Get, ApiConnection.Api + "tags/dictionary?format=csv", null, repeatable: true);
        using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One tag by name or code: definition, 口径, owner, lineage graph, value distribution, coverage per run (<c>tagcenter tag show</c>).</summary>
    public Task<TagDetail> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<TagDetail>(ApiConnection.Api + "tags/" + Query.Segment(name), cancellationToken);

    /// <summary>A person's value of a tag and what it came from (<c>tagcenter tag explain</c>); <paramref name="asOf"/> as the server's time zone reads it.</summary>
    public Task<TagExplanation> ExplainAsync(string name, string person, string? asOf = null, int? rows = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<TagExplanation>(Query.Path(ApiConnection.Api + "tags/" + Query.Segment(name) + "/explain/" + Query.Segment(person),
            ("as_of", asOf), ("rows", rows)), cancellationToken);
}
