using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Segments;

namespace TagCenter.Server.Analysis;

/// <summary>
/// How the analysis endpoints read their bodies, as the CLI's analysis options do: each input checked on its own
/// so a mistake is a 400 naming its field (<c>steps[2]</c>, <c>window</c>, <c>by</c>); the population of a segment or a
/// rule bound against the tags the caller may see.
/// </summary>
internal sealed class AnalysisInputs(SegmentAccess access, Caller caller)
{
    /// <summary>Runs <paramref name="read"/>; the analysis's own input errors (and unknown names) become a 400 naming <paramref name="field"/>.</summary>
    public static T Field<T>(string field, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is AnalysisInputException or NotFoundException)
        {
            throw SegmentAccess.Field(field, e.Message);
        }
    }

    public static TimeSpan FixedWindow(string? text, string fallback) => Field("window", () => AnalysisWindow.Fixed(string.IsNullOrWhiteSpace(text) ? fallback : text));

    public static int AtLeastOne(string field, int? value, int fallback) => value switch
    {
        null => fallback,
        < 1 => throw SegmentAccess.Field(field, Texts.T("api.field.min", 1)),
        { } v => v,
    };

    /// <summary>The tags for <c>by</c> and <c>rule</c>: the published ones (else the files), as the caller may see them.</summary>
    public TagCatalog Catalog(WorkspaceDatabase db) =>
        access.Policy.VisibleTags(PublishedCatalog.Load(db) ?? TagCatalog.Load(access.Host.Definition.Root), caller);

    /// <summary>The dimension <c>by</c> names; a personal-data field (its groups would list the values) needs pii:read.</summary>
    public Dimension By(WorkspaceDatabase db, string by, int? top)
    {
        var dimension = Field("by", () => Dimensions.Resolve(db, Catalog(db), by, AtLeastOne("top", top, Dimension.DefaultTop)));
        return access.Policy.MayList(dimension.Name, caller) && access.Policy.MayList(dimension.Column, caller) ? dimension
            : throw new Hosting.ApiException(403, "pii_required", Texts.T("governance.pii.dimension", dimension.Name));
    }

    /// <summary>The as-of: the body's, else the last event in the log.</summary>
    public DateTime AsOf(WorkspaceDatabase db, string? asOf) => access.Time("as_of", asOf) ?? AnalysisPopulation.DataNow(db, access.Host.Definition, access.Host.Time);

    /// <summary>The end of the events read: <c>to</c>, cut at <c>as_of</c> when given.</summary>
    public DateTime? Until(string? asOf, DateTime? to) =>
        access.Time("as_of", asOf) is { } at ? (to is { } end && end < at ? end : at) : to;

    /// <summary>The members of <c>segment</c> at its latest evaluation, or of <c>rule</c> at the as-of, else everyone.</summary>
    public Population Population(WorkspaceDatabase db, string? segment, string? rule, string? asOf)
    {
        if (!string.IsNullOrWhiteSpace(rule) && !string.IsNullOrWhiteSpace(segment))
            throw SegmentAccess.Field("segment", Texts.T("analysis.population.both"));
        if (!string.IsNullOrWhiteSpace(segment))
        {
            var defined = access.Get(segment, caller);
            return AnalysisPopulation.OfSegment(defined.Name, WorkspaceSegments.LatestRun(db, defined.Name));
        }
        return string.IsNullOrWhiteSpace(rule) ? Core.Analysis.Population.Everyone : RulePopulation.Create(db, Catalog(db), rule, AsOf(db, asOf));
    }

    /// <summary>Each name of <paramref name="events"/> an event of the log, or a 400 naming <c>field[i]</c>.</summary>
    public static void KnownEvents(WorkspaceDatabase db, string field, IReadOnlyList<string> events)
    {
        EventLog.Require(db);
        var known = EventLog.Events(db);
        for (var i = 0; i < events.Count; i++)
        {
            var name = events[i];
            if (string.IsNullOrWhiteSpace(name))
                throw SegmentAccess.Field($"{field}[{i}]", Texts.T("api.field.required"));
            Field($"{field}[{i}]", () => { FunnelRequest.KnownEvent(name, [.. known]); return 0; });
        }
    }
}
