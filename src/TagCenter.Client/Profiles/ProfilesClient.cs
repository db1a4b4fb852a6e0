namespace TagCenter.Client;

/// <summary><c>/api/v1/profiles</c>: a person found by any identifier (OneID, phone, email, member number…), personal data masked as the key may see it.</summary>
public sealed class ProfilesClient
{
    private readonly ApiConnection _api;

    internal ProfilesClient(ApiConnection api) => _api = api;

    /// <summary>
    /// The person holding <paramref name="identifier"/>: golden record with each value's source, identifiers, tag
    /// values (and their history when <paramref name="history"/>), segments, the latest <paramref name="events"/> events.
    /// Throws <see cref="TagCenterApiException"/> with code <c>person_not_found</c> when nobody holds it.
    /// </summary>
    public Task<PersonProfile> GetAsync(string identifier, bool history = false, int? events = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<PersonProfile>(Query.Path(ApiConnection.Api + "profiles/" + Query.Segment(identifier), ("history", history ? true : null), ("events", events)),
            cancellationToken);

    /// <summary>As <see cref="GetAsync"/>, but null when nobody holds <paramref name="identifier"/>.</summary>
    public async Task<PersonProfile?> FindAsync(string identifier, bool history = false, int? events = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(identifier, history, events, cancellationToken).ConfigureAwait(false);
        }
        catch (TagCenterApiException e) when (e.Code == "person_not_found")
        {
            return null;
        }
    }
}
