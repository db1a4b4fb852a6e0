using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Analysis;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Tags;
using Texts = TagCenter.Cli.Console.Texts;

namespace TagCenter.Cli.Commands;

/// <summary>What the analysis commands (funnel, paths, conversion) share: their options and how they are read.</summary>
internal static class AnalysisOptions
{
    public static Option<string> Within(Texts t, string fallback) => new("--within") { Description = t["opt.analysis.within"], DefaultValueFactory = _ => fallback };

    public static Option<string?> By(Texts t) => new("--by") { Description = t["opt.analysis.by"] };

    public static Option<int> Top(Texts t, int fallback) => new("--top") { Description = t["opt.analysis.top"], DefaultValueFactory = _ => fallback };

    public static Option<string?> Rule(Texts t) => new("--rule") { Description = t["opt.analysis.rule"] };

    public static Option<string?> Segment(Texts t) => new("--segment") { Description = t["opt.analysis.segment"] };

    public static Option<string?> From(Texts t) => new("--from") { Description = t["opt.analysis.from"] };

    public static Option<string?> To(Texts t) => new("--to") { Description = t["opt.analysis.to"] };

    /// <summary>Runs <paramref name="work"/>, turning the analysis's own input errors into usage errors (exit code 1).</summary>
    public static T Usage<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (AnalysisInputException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary>A date or time in the workspace's zone; a date alone in <c>--to</c> means to the end of that day.</summary>
    public static DateTime? Date(string? text, WorkspaceDefinition workspace, bool end)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parsed = AsOf.Parse(text, workspace.TimeZone);
        if (parsed.Local is not { } local)
            throw new UsageException(TagCenter.Core.Text.Texts.T("analysis.date.bad", text, AsOf.Formats));
        return end && text.Trim().Length == 10 ? local.AddDays(1) : local;
    }

    /// <summary>The tags runs compute (published), else the files: for <c>--by</c> a tag and for <c>--rule</c>.</summary>
    public static TagCatalog Catalog(WorkspaceSession session) =>
        PublishedCatalog.Load(session.Database) ?? TagCatalog.Load(session.Definition.Root);

    /// <summary>The as-of time of an analysis: <c>--as-of</c>, else the time of the last event in the log (the data's "now").</summary>
    public static DateTime AsOfTime(ParseResult result, Option<string?> asOf, WorkspaceSession session)
    {
        if (result.GetValue(asOf) is not null)
            return AsOfOption.Read(result, asOf, session.Definition).Local;
        EventLog.Require(session.Database);
        return session.Database.Scalar<DateTime?>($"SELECT max(event_time) FROM {EventLog.Relation(session.Database)} l") ?? AsOfOption.Now(session.Definition).Local;
    }

    /// <summary>Everyone, or the persons <c>--rule</c> holds for at <paramref name="asOf"/>; a rule that does not compile is a usage error with its positions.</summary>
    public static Population Population(WorkspaceSession session, string? rule, DateTime asOf)
    {
        if (string.IsNullOrWhiteSpace(rule))
            return Core.Analysis.Population.Everyone;
        try
        {
            return RulePopulation.Create(session.Database, Catalog(session), rule, asOf);
        }
        catch (Core.Diagnostics.WorkspaceException e) when (e.Diagnostics.All(d => d.File == "--rule"))
        {
            throw new UsageException(string.Join("\n", e.Diagnostics.Select(d => d.Message.Contains('\n', StringComparison.Ordinal) ? d.Message : d.ToString())), e);
        }
    }

    /// <summary>The end of the events read: <c>--to</c>, cut at <c>--as-of</c> when given (nothing after the as-of is seen).</summary>
    public static DateTime? Until(ParseResult result, Option<string?> asOf, WorkspaceSession session, DateTime? to)
    {
        if (result.GetValue(asOf) is null)
            return to;
        var at = AsOfOption.Read(result, asOf, session.Definition).Local;
        return to is { } end && end < at ? end : at;
    }

    /// <summary>
    /// The population of <c>--segment</c> (its members at its latest evaluation) or <c>--rule</c> (evaluated at the
    /// analysis's as-of), else everyone; both at once is a usage error.
    /// </summary>
    public static Population PopulationOf(ParseResult result, Option<string?> rule, Option<string?> segment, Option<string?> asOf, WorkspaceSession session)
    {
        var (ruleText, segmentName) = (result.GetValue(rule), result.GetValue(segment));
        if (!string.IsNullOrWhiteSpace(ruleText) && !string.IsNullOrWhiteSpace(segmentName))
            throw new UsageException(TagCenter.Core.Text.Texts.T("analysis.population.both"));
        if (string.IsNullOrWhiteSpace(segmentName))
            return string.IsNullOrWhiteSpace(ruleText) ? Core.Analysis.Population.Everyone : Population(session, ruleText, AsOfTime(result, asOf, session));
        var defined = Segments.SegmentWorkspace.All(session.Definition).Get(segmentName);
        var run = Segments.SegmentWorkspace.LatestRun(session.Database, defined.Name);
        return AnalysisPopulation.OfSegment(defined.Name, run);
    }

    /// <summary>A group's label for people: the value, 其他/other, or 无值/none.</summary>
    public static string Label(string? value) => value switch
    {
        null => TagCenter.Core.Text.Texts.T("analysis.all"),
        Dimension.OtherMarker => TagCenter.Core.Text.Texts.T("analysis.other"),
        Dimension.NoneMarker => TagCenter.Core.Text.Texts.T("analysis.none"),
        _ => value,
    };

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A duration for people: 2d 3h, 4h 05m, 12m 30s, 45s.</summary>
    public static string Duration(TimeSpan? span) => span switch
    {
        null => "—",
        { TotalDays: >= 1 } d => d.Hours == 0 && d.Minutes == 0 ? $"{(int)d.TotalDays}d" : $"{(int)d.TotalDays}d {d.Hours}h",
        { TotalHours: >= 1 } h => $"{(int)h.TotalHours}h {h.Minutes:00}m",
        { TotalMinutes: >= 1 } m => $"{(int)m.TotalMinutes}m {m.Seconds:00}s",
        { } s => $"{s.TotalSeconds:0}s",
    };
}
