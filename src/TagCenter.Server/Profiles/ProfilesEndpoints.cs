using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Identity;
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
        Governance.UsageCounter usage, CancellationToken cancellationToken, bool history = false, string? events = null)
    {
        // Read as text so "events=many" is the same clear 400 as "events=-1".
        var count = 20;
        if (events is not null && (!int.TryParse(events, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count > MaxEvents))
            throw ApiException.BadRequest("invalid_events", Texts.T("res.events.count", MaxEvents));
        var caller = Caller.Of(http);
        var definition = host.Definition;
        var segments = SegmentCatalog.Load(definition.Root);
        var visible = SegmentCatalog.From([.. segments.Segments, .. BoardCatalog.Load(definition.Root, segments).InlineSegments]).Segments
            .Where(s => policy.CanSee(s, caller)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var view = await host.ReadAsync((db, _) =>
        {
            if (!db.TableExists("identity_map"))
                throw ApiException.NotFound("person_not_found", Texts.T("profile.noidentity"));
            var profile = PersonProfile.Find(db, definition, identifier)
                ?? throw ApiException.NotFound("person_not_found", Texts.T("profile.none", PiiText.Shown(identifier, caller)));
            var published = PublishedCatalog.Load(db);
            var visibleTags = published is null ? null : policy.VisibleTags(published, caller);
            var tags = PersonTagValues.Of(db, profile.OneId).Where(t => visibleTags?.Find(t.Code) is not null).ToList();
            usage.TagsRead(caller, tags.Where(t => t.Value is not null).Select(t => t.Name)); // each value returned is a read of its tag
            return PersonProfileView.Of(db, profile, tags, history, count, visible, policy, caller);
        }, cancellationToken);
        return TypedResults.Ok(view);
    }
}
