using TagCenter.Core.Analysis;

namespace TagCenter.DuckDb.Analysis;

/// <summary>The analyses as JSON: one shape for <c>funnel|paths|conversion --json</c> and <c>/api/v1/analysis</c>.</summary>
public static class AnalysisJson
{
    public static object Funnel(FunnelResult funnel, TimeSpan elapsed) => new
    {
        steps = funnel.Request.Steps,
        within_seconds = funnel.Request.Within.TotalSeconds,
        from = funnel.Request.From,
        to = funnel.Request.To,
        population = funnel.Request.Population.Label,
        by = funnel.Request.By?.Name,
        total = Group(funnel.Total),
        groups = funnel.Groups.Select(Group),
        elapsed_ms = elapsed.TotalMilliseconds,
    };

    public static object Paths(PathsResult paths, TimeSpan elapsed)
    {
        var request = paths.Request;
        return new
        {
            @event = request.Event,
            direction = request.Next ? "next" : "previous",
            depth = request.Depth,
            within_seconds = request.Within.TotalSeconds,
            population = request.Population.Label,
            anchors = paths.Anchors,
            paths = paths.Paths.Select(p => new { events = p.Events, ended = p.Events.Count < request.Depth, count = p.Count, share = p.Share }),
            elapsed_ms = elapsed.TotalMilliseconds,
        };
    }

    public static object Conversion(ConversionResult conversion, TimeSpan elapsed)
    {
        var request = conversion.Request;
        object Group(ConversionGroup g)
        {
            var (value, kind) = Value(g.Value);
            return new { value, kind, persons = g.Persons, converted = g.Converted, rate = g.Rate };
        }
        return new
        {
            goal = request.Goal,
            within = request.Within.ToString(),
            as_of = request.AsOf,
            since = request.Since,
            by = request.By.Name,
            population = request.Population.Label,
            total = Group(conversion.Total),
            groups = conversion.Groups.Select(Group),
            elapsed_ms = elapsed.TotalMilliseconds,
        };
    }

    private static object Group(FunnelGroup group)
    {
        var (value, kind) = Value(group.Value);
        return new
        {
            value,
            kind,
            steps = group.Steps.Select(s => new
            {
                step = s.Number,
                @event = s.Event,
                persons = s.Persons,
                from_previous = s.FromPrevious,
                from_first = s.FromFirst,
                median_seconds_from_previous = s.MedianFromPrevious?.TotalSeconds,
            }),
        };
    }

    /// <summary>A group's value, with <c>other</c> and <c>none</c> flagged by <c>kind</c>.</summary>
    private static (string? Value, string Kind) Value(string? value) => value switch
    {
        null => (null, "all"),
        Dimension.OtherMarker => (null, "other"),
        Dimension.NoneMarker => (null, "none"),
        _ => (value, "value"),
    };
}
