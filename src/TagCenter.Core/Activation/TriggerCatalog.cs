using Cronos;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Activation;

/// <summary>
/// Every trigger of a workspace, one per <c>triggers/*.yaml</c> file, read strictly like segments: an unknown key,
/// an unknown segment or tag, a webhook that is not http(s) or points at this machine, a cap or quiet hours that
/// make no sense are diagnostics at their line and column.
/// </summary>
public sealed class TriggerCatalog
{
    public const string Folder = "triggers";

    private static readonly string[] Keys = ["name", "description", "when", "action", "actions", "cap", "quiet_hours", "consent", "business_line"];

    private TriggerCatalog(IReadOnlyList<TriggerDefinition> triggers) => Triggers = triggers;

    public IReadOnlyList<TriggerDefinition> Triggers { get; }

    public static TriggerCatalog From(IReadOnlyList<TriggerDefinition> triggers) => new(triggers);

    public TriggerDefinition Get(string name) => Triggers.FirstOrDefault(t => t.Name == name)
        ?? throw new NotFoundException(Texts.T("activation.trigger.unknown", name, Suggest.Hint(name, Triggers.Select(t => t.Name)),
            Triggers.Count == 0 ? "—" : string.Join(", ", Triggers.Select(t => t.Name))));

    /// <summary>The workspace's triggers, checked against its segments and tags (null: not checked).</summary>
    public static TriggerCatalog Load(string workspaceRoot, ActivationNames names)
    {
        var diagnostics = new List<Diagnostic>();
        var triggers = new List<TriggerDefinition>();
        foreach (var (file, stem, text) in YamlFolder.Read(workspaceRoot, Folder))
            if (ParseFile(file, stem, text, names, diagnostics) is { } trigger)
                triggers.Add(trigger);
        foreach (var twice in triggers.GroupBy(s => s.Name).Where(g => g.Count() > 1))
            diagnostics.Add(new Diagnostic(twice.Last().File, 1, 1, Texts.T("activation.trigger.twice", twice.Key, twice.First().File)));
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new TriggerCatalog(triggers);
    }

    public static TriggerDefinition? ParseFile(string file, string defaultName, string yaml, ActivationNames names, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var context = Texts.T("activation.what.trigger");
        if (ActivationYaml.Top(file, yaml, context, Keys, diagnostics) is not { } top)
            return null;
        var name = (top.String("name") ?? defaultName).Trim();
        var when = top.Get("when") is null ? null : ParseWhen(top, file, names, diagnostics);
        if (top.Get("when") is null)
            top.Error("when", Texts.T("workspace.missing_key_in", "when", context));
        var actions = ActionParser.ParseActions(top, file, names, diagnostics);
        FrequencyCap? cap = null;
        if (top.String("cap") is { } capText)
        {
            cap = FrequencyCap.Parse(capText);
            if (cap is null || cap.Count < 1 || cap.Period <= TimeSpan.Zero)
                top.Error("cap", Texts.T("activation.cap.bad", capText));
        }
        QuietHours? quiet = null;
        if (top.String("quiet_hours") is { } quietText && (quiet = QuietHours.Parse(quietText)) is null)
            top.Error("quiet_hours", Texts.T("activation.quiet.bad", quietText));
        if (when is { PerPerson: false } && (cap is not null || top.Get("consent") is not null))
            top.Error(cap is not null ? "cap" : "consent", Texts.T("activation.segment_level"));
        if (diagnostics.Count > before || when is null)
            return null;
        return new TriggerDefinition
        {
            Name = name,
            Description = top.String("description"),
            When = when,
            Actions = actions,
            Cap = cap,
            QuietHours = quiet,
            Consent = top.String("consent"),
            BusinessLine = top.String("business_line")?.Trim() is { Length: > 0 } line ? line : Governance.Roles.CompanyWide,
            File = file,
            Line = (int)top.Node.Start.Line,
            Column = (int)top.Node.Start.Column,
        };
    }

    private static TriggerCondition? ParseWhen(YamlMap top, string file, ActivationNames names, List<Diagnostic> diagnostics)
    {
        var context = "'when'";
        if (YamlMap.From(top.Get("when"), context, file, diagnostics) is not { } when)
            return null;
        when.AllowOnly(context, "enters", "leaves", "rule", "tag", "crosses", "size_change", "schedule", "segment", "mode");
        var kinds = new[] { "enters", "leaves", "rule", "crosses", "size_change", "schedule" }.Where(k => when.Get(k) is not null).ToList();
        if (kinds.Count != 1)
        {
            diagnostics.Add(YamlMap.At(file, when.Node, Texts.T("activation.when.one")));
            return null;
        }
        switch (kinds[0])
        {
            case "enters" or "leaves":
                var segment = when.String(kinds[0]);
                CheckSegment(when, kinds[0], segment, names);
                return segment is null ? null : new TriggerCondition { Kind = kinds[0] == "enters" ? TriggerKind.Enters : TriggerKind.Leaves, Segment = segment };
            case "rule":
                return ParseRule(when, file, diagnostics);
            case "crosses":
                var tag = when.String("tag", required: true, context: context);
                var threshold = when.Decimal("crosses");
                if (tag is not null && names.Tags is { } catalog)
                {
                    if (catalog.Find(tag) is not { } t)
                        when.Error("tag", Texts.T("activation.tag.unknown", tag, Suggest.Hint(tag, catalog.Tags.Select(x => x.Name))));
                    else if (!t.Type.IsNumber())
                        when.Error("tag", Texts.T("activation.tag.not_number", tag));
                }
                return tag is null || threshold is null ? null : new TriggerCondition { Kind = TriggerKind.Crosses, Tag = tag, Threshold = threshold };
            case "size_change":
                if (YamlMap.From(when.Get("size_change"), "'size_change'", file, diagnostics) is not { } size)
                    return null;
                size.AllowOnly("'size_change'", "segment", "percent");
                var sizeSegment = size.String("segment", required: true, context: "'size_change'");
                CheckSegment(size, "segment", sizeSegment, names);
                var percent = size.Decimal("percent");
                if (percent is null or <= 0)
                    size.Error("percent", Texts.T("activation.percent.bad"));
                return sizeSegment is null || percent is null ? null
                    : new TriggerCondition { Kind = TriggerKind.SizeChange, Segment = sizeSegment, Percent = percent };
            default:
                var cron = when.String("schedule");
                if (cron is not null && !CronExpression.TryParse(cron, out _))
                    when.Error("schedule", Texts.T("activation.cron.bad", cron));
                var pushed = when.String("segment", required: true, context: context);
                CheckSegment(when, "segment", pushed, names);
                var mode = when.Enum<PushMode>("mode") ?? PushMode.Full;
                return cron is null || pushed is null ? null : new TriggerCondition { Kind = TriggerKind.Schedule, Cron = cron, Segment = pushed, Mode = mode };
        }
    }

    private static TriggerCondition? ParseRule(YamlMap when, string file, List<Diagnostic> diagnostics)
    {
        var rule = when.String("rule");
        if (rule is null)
            return null;
        var node = when.Get("rule")!;
        var block = node is YamlScalarNode { Style: ScalarStyle.Literal or ScalarStyle.Folded };
        var key = ((YamlMappingNode)when.Node).Children.Keys.First(k => k is YamlScalarNode { Value: "rule" });
        var line = (int)node.Start.Line + (block ? 1 : 0);
        var column = block ? (int)key.Start.Column + 2
            : (int)node.Start.Column + (node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? 1 : 0);
        var parsed = Expressions.Parser.Parse(rule);
        foreach (var d in parsed.Diagnostics)
        {
            var start = Math.Clamp(d.Span.Start, 0, rule.Length);
            var l = rule[..start].Count(c => c == '\n');
            var c = start - (start == 0 ? 0 : rule.LastIndexOf('\n', start - 1) + 1);
            diagnostics.Add(new Diagnostic(file, line + l, l == 0 ? column + c : c + 1, d.Message));
        }
        return parsed.Success ? new TriggerCondition { Kind = TriggerKind.Rule, Rule = rule, RuleLine = line, RuleColumn = column } : null;
    }

    private static void CheckSegment(YamlMap map, string key, string? segment, ActivationNames names)
    {
        if (segment is not null && names.Segments is { } known && !known.Contains(segment))
            map.Error(key, Texts.T("activation.segment.unknown", segment, Suggest.Hint(segment, known), known.Count == 0 ? "—" : string.Join(", ", known)));
    }
}
