using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Profiles;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Profiles;

/// <summary>
/// <c>/api/v1/profiles/{identifier}</c>: the person holding any identifier (OneID, phone, email, member number…), as
/// <c>tagcenter profile</c> finds them — golden record with each value's source, identifiers, tag values (and their
/// history), the segments they are in, their recent events. Personal data is masked by the caller's policy, and a
/// read of it unmasked is audited once for the request (by the policy); a phone typed as the identifier is not echoed.
/// </summary>
public static class ProfilesEndpoints
{
    public const int MaxEvents = 1000;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{identifier}", GetAsync).RequireScope(ApiScopes.Read).WithName("GetProfile")
            .WithSummary("A person by any identifier: golden record with provenance, identifiers, tags (?history=true), segments, recent events (?events=N)")
            .Produces<PersonProfileView>().ProducesProblem(400).ProducesProblem(404);

    private static async Task<Ok<PersonProfileView>> GetAsync(string identifier, HttpContext http, WorkspaceHost host, IDataPolicy policy,
        Governance.UsageCounter usage, ProfileServing serving, CancellationToken cancellationToken, bool history = false, string? events = null)
    {
        // Read as text so "events=many" is the same clear 400 as "events=-1".
        var count = 20;
        if (events is not null && (!int.TryParse(events, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count > MaxEvents))
            throw ApiException.BadRequest("invalid_events", Texts.T("res.events.count", MaxEvents));
        var caller = Caller.Of(http);
        var store = history || count > ProfileDocuments.Events ? null : serving.Current;
        var (published, segments) = await serving.CatalogsAsync(store, cancellationToken);
        var visible = segments.Where(s => policy.CanSee(s, caller)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var visibleTags = published is null ? null : policy.VisibleTags(published, caller);
        var hit = store?.Find(identifier);
        if (store is not null && hit is null)
        {
            // Not stored as typed: a phone or email written the way a source writes it is stored standardised.
            var (phone, email) = await host.ReadAsync((db, _) => PersonProfile.Standardised(db, host.Definition, identifier), cancellationToken);
            hit = (phone is null ? null : store.Find(phone)) ?? (email is null ? null : store.Find(email));
        }
        if (store is not null && hit is { Document: { } document })
        {
            // The serving store: two key lookups (see ProfileServing for when it is current).
            var stored = StoredProfile.Parse(hit.Value.OneId, document, store.Shape);
            var storedTags = stored.Tags.Select(t => (visibleTags?.Find(t.Code), t.Value)).Where(t => t.Item1 is not null)
                .Select(t => (t.Item1!.Name, t.Item1.Code, t.Value)).ToList();
            usage.TagsRead(caller, storedTags.Where(t => t.Value is not null).Select(t => t.Name));
            serving.ReadFromStore();
            return TypedResults.Ok(PersonProfileView.Of(stored.Profile, storedTags, null, stored.Segments, stored.Events.Take(count), visible, policy, caller));
        }
        var definition = host.Definition;
        var view = await host.ReadAsync((db, _) =>
        {
            if (!db.TableExists("identity_map"))
                throw ApiException.NotFound("person_not_found", Texts.T("profile.noidentity"));
            var profile = PersonProfile.Find(db, definition, identifier)
                ?? throw ApiException.NotFound("person_not_found", Texts.T("profile.none", PiiText.Shown(identifier, caller)));
            var tags = PersonTagValues.Of(db, profile.OneId).Where(t => visibleTags?.Find(t.Code) is not null).ToList();
            usage.TagsRead(caller, tags.Where(t => t.Value is not null).Select(t => t.Name)); // each value returned is a read of its tag
            return PersonProfileView.FromEngine(db, profile, tags, history, count, visible, policy, caller);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }
}
