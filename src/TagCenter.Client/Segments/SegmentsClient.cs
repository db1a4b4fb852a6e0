using System.Runtime.CompilerServices;

namespace TagCenter.Client;

/// <summary>
/// <c>/api/v1/segments</c>: list, one, trend, count a rule without saving it, members a page at a time, export,
/// explain for a person; create, update and delete directly (admin keys; others propose through <c>Drafts</c>).
/// </summary>
public sealed class SegmentsClient
{
    private const string Root = ApiConnection.Api + "segments";

    private readonly ApiConnection _api;

    internal SegmentsClient(ApiConnection api) => _api = api;

    /// <summary>Every segment the key may see, with its latest size, share, entered and left.</summary>
    public Task<IReadOnlyList<SegmentSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<SegmentSummary>>(Root, cancellationToken);

    /// <summary>One segment: its definition, latest figures and every evaluation (<c>segment show</c>).</summary>
    public Task<SegmentDetail> GetAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<SegmentDetail>(Root + "/" + Query.Segment(name), cancellationToken);

    /// <summary>A segment's size per evaluation (<c>segment trend</c>).</summary>
    public Task<SegmentTrend> TrendAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<SegmentTrend>(Root + "/" + Query.Segment(name) + "/trend", cancellationToken);

    /// <summary>
    /// Counts the persons <paramref name="rule"/> selects without saving it (<c>segment count</c>); a rule that does
    /// not parse or names an unknown tag throws <see cref="TagCenterApiException"/> (<c>workspace_invalid</c>) with
    /// diagnostics into the rule.
    /// </summary>
    public Task<RuleCount> CountAsync(string rule, CancellationToken cancellationToken = default) =>
        _api.SendAsync<RuleCount>(HttpMethod.Post, Root + "/count", new CountRequest(rule), repeatable: true, cancellationToken);

    /// <summary>One page of members in OneID order; pass the page's <see cref="MembersPage.NextCursor"/> for the next.</summary>
    public Task<MembersPage> MembersPageAsync(string name, int? pageSize = null, string? cursor = null, DateTime? asOf = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<MembersPage>(Query.Path(Root + "/" + Query.Segment(name) + "/members", ("page_size", pageSize), ("cursor", cursor), ("as_of", asOf)), cancellationToken);

    /// <summary>Every page of members of one evaluation (the first page's), following the cursor to the end.</summary>
    public async IAsyncEnumerable<MembersPage> MembersAsync(string name, int? pageSize = null, DateTime? asOf = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await MembersPageAsync(name, pageSize, cursor, cursor is null ? asOf : null, cancellationToken).ConfigureAwait(false);
            yield return page;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    /// <summary>Why a person (any identifier) is or is not in a segment (<c>segment explain</c>).</summary>
    public Task<SegmentExplanation> ExplainAsync(string name, string person, CancellationToken cancellationToken = default) =>
        _api.GetAsync<SegmentExplanation>(Root + "/" + Query.Segment(name) + "/explain/" + Query.Segment(person), cancellationToken);

    /// <summary>
    /// The members with the chosen tags as CSV or Parquet (<paramref name="format"/> <c>csv</c> or <c>parquet</c>),
    /// streamed: the caller disposes the stream. Parquet needs a key with <c>pii:read</c>.
    /// </summary>
    public async Task<Stream> ExportAsync(string name, string format = "csv", IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var path = Query.Path(Root + "/" + Query.Segment(name) + "/export", ("format", format), ("tags", tags is null ? null : string.Join(",", tags)));
        var request = _api.Request(HttpMethod.Get, path, null, repeatable: true);
        var response = await _api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return new ResponseStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response, request);
    }

    /// <summary>Creates a segment and evaluates it (admin keys; 409 <c>segment_exists</c> when the name is taken).</summary>
    public Task<SegmentSaved> CreateAsync(SegmentRequest segment, CancellationToken cancellationToken = default) =>
        _api.SendAsync<SegmentSaved>(HttpMethod.Post, Root, segment, repeatable: false, cancellationToken);

    /// <summary>Replaces a segment's definition and evaluates it again (admin keys).</summary>
    public Task<SegmentSaved> UpdateAsync(string name, SegmentRequest segment, CancellationToken cancellationToken = default) =>
        _api.SendAsync<SegmentSaved>(HttpMethod.Put, Root + "/" + Query.Segment(name), segment, repeatable: true, cancellationToken);

    /// <summary>Deletes a segment (admin keys; 409 <c>segment_in_use</c> while a board shows it).</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        _api.SendAsync(HttpMethod.Delete, Root + "/" + Query.Segment(name), null, repeatable: false, cancellationToken);

    /// <summary>
    /// Proposes a new or changed segment as a draft (what keys other than admin do): <paramref name="yaml"/> is the
    /// segment file's content. Answers with the draft and its impact (the size it would have); another user
    /// publishes it with <see cref="DraftsClient.ApproveAsync"/>.
    /// </summary>
    public Task<Draft> ProposeAsync(string name, string yaml, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Draft>(HttpMethod.Post, ApiConnection.Api + "drafts", new DraftRequest("segment", name, yaml), repeatable: false, cancellationToken);

    private sealed record CountRequest(string Rule);

    private sealed record DraftRequest(string Kind, string Name, string Yaml);
}
