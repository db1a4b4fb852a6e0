using System.Globalization;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Activation;

/// <summary>
/// Every experiment of a workspace, one per <c>experiments/*.yaml</c>, read strictly: an unknown segment, arms and
/// holdout over 100%, an arm without a name or action, a goal that is neither an event nor a tag value are diagnostics.
/// </summary>
public sealed class ExperimentCatalog
{
    public const string Folder = "experiments";

    private static readonly string[] Keys = ["name", "description", "segment", "arms", "holdout", "goal", "start", "mde"];

    private ExperimentCatalog(IReadOnlyList<ExperimentDefinition> experiments) => Experiments = experiments;

    public IReadOnlyList<ExperimentDefinition> Experiments { get; }

    /// <summary>A catalog of experiments already checked (a caller's visible part of the workspace's).</summary>
    public static ExperimentCatalog From(IReadOnlyList<ExperimentDefinition> experiments) => new(experiments);

    public ExperimentDefinition Get(string name) => Experiments.FirstOrDefault(e => e.Name == name)
        ?? throw new NotFoundException(Texts.T("activation.experiment.unknown", name, Suggest.Hint(name, Experiments.Select(e => e.Name)),
            Experiments.Count == 0 ? "—" : string.Join(", ", Experiments.Select(e => e.Name))));

    public static string FileFor(string root, string name) => Path.Combine(root, Folder, name + ".yaml");

    public static ExperimentCatalog Load(string workspaceRoot, ActivationNames names)
    {
        var diagnostics = new List<Diagnostic>();
        var experiments = new List<ExperimentDefinition>();
        foreach (var (file, stem, text) in YamlFolder.Read(workspaceRoot, Folder))
            if (ParseFile(file, stem, text, names, diagnostics) is { } e)
                experiments.Add(e);
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return new ExperimentCatalog(experiments);
    }

    public static ExperimentDefinition? ParseFile(string file, string defaultName, string yaml, ActivationNames names, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var context = Texts.T("activation.what.experiment");
        if (ActivationYaml.Top(file, yaml, context, Keys, diagnostics) is not { } top)
            return null;
        var name = (top.String("name") ?? defaultName).Trim();
        var segment = top.String("segment", required: true, context: context);
        if (segment is not null && names.Segments is { } known && !known.Contains(segment))
            top.Error("segment", Texts.T("activation.segment.unknown", segment, Suggest.Hint(segment, known), string.Join(", ", known)));
        var arms = new List<ExperimentArm>();
        if (top.Get("arms") is YamlSequenceNode list)
        {
            foreach (var node in list.Children)
            {
                if (YamlMap.From(node, "'arms'", file, diagnostics) is not { } arm)
                    continue;
                arm.AllowOnly("'arms'", "name", "percent", "action", "actions");
                var armName = arm.String("name", required: true, context: "'arms'");
                var percent = arm.Decimal("percent");
                if (percent is null or <= 0 or > 100)
                    arm.Error("percent", Texts.T("activation.arm.percent"));
                var actions = ActionParser.ParseActions(arm, file, names, diagnostics);
                if (armName is not null && percent is > 0)
                    arms.Add(new ExperimentArm(armName, percent.Value, actions));
            }
        }
        else
            top.Error("arms", Texts.T("activation.arms.missing"));
        var holdout = top.Decimal("holdout");
        if (holdout is < 0)
            top.Error("holdout", Texts.T("activation.arm.percent"));
        var total = arms.Sum(a => a.Percent) + (holdout ?? 0);
        if (total > 100)
            top.Error(holdout is null ? "arms" : "holdout", Texts.T("activation.arms.over", total.ToString(CultureInfo.InvariantCulture)));
        if (arms.Select(a => a.Name).Append(ArmAssignment.Holdout).GroupBy(n => n).Any(g => g.Count() > 1))
            top.Error("arms", Texts.T("activation.arms.names"));
        var goal = ParseGoal(top, file, names, diagnostics);
        DateTime? start = null;
        if (top.String("start") is { } startText)
        {
            if (DateTime.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s))
                start = s;
            else
                top.Error("start", Texts.T("activation.start.bad", startText));
        }
        var mde = top.Decimal("mde");
        if (mde is <= 0 or >= 1)
            top.Error("mde", Texts.T("activation.mde.bad"));
        if (diagnostics.Count > before || segment is null || goal is null)
            return null;
        return new ExperimentDefinition
        {
            Name = name,
            Description = top.String("description"),
            Segment = segment,
            Arms = arms,
            Holdout = holdout ?? 100 - arms.Sum(a => a.Percent),
            Goal = goal,
            Start = start,
            MinimumDetectableEffect = mde ?? 0.02m,
            File = file,
        };
    }

    private static ExperimentGoal? ParseGoal(YamlMap top, string file, ActivationNames names, List<Diagnostic> diagnostics)
    {
        if (top.Get("goal") is null)
        {
            top.Error("goal", Texts.T("activation.goal.bad"));
            return null;
        }
        if (YamlMap.From(top.Get("goal"), "'goal'", file, diagnostics) is not { } goal)
            return null;
        goal.AllowOnly("'goal'", "event", "within", "tag", "value");
        var ev = goal.String("event");
        var tag = goal.String("tag");
        var value = goal.String("value");
        var withinText = goal.String("within") ?? "30d";
        var within = DurationText.Parse(withinText);
        if (within is null || within <= TimeSpan.Zero)
            goal.Error("within", Texts.T("activation.within.bad", withinText));
        if ((ev is null) == (tag is null) || (tag is not null && value is null))
        {
            diagnostics.Add(YamlMap.At(file, goal.Node, Texts.T("activation.goal.bad")));
            return null;
        }
        if (tag is not null && names.Tags is { } catalog && catalog.Find(tag) is null)
            goal.Error("tag", Texts.T("activation.tag.unknown", tag, Suggest.Hint(tag, catalog.Tags.Select(t => t.Name))));
        return within is null ? null : new ExperimentGoal(ev, within.Value, tag, value);
    }

    /// <summary>The YAML of a new experiment file (from <c>experiment create</c>).</summary>
    public static string Yaml(string name, string segment, IReadOnlyList<(string Arm, decimal Percent)> arms, decimal holdout, ExperimentGoal goal, decimal mde)
    {
        static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        var inv = CultureInfo.InvariantCulture;
        var lines = new List<string> { $"name: {Q(name)}", $"segment: {Q(segment)}", "arms:" };
        foreach (var (arm, percent) in arms)
            lines.AddRange([$"  - name: {Q(arm)}", $"    percent: {percent.ToString(inv)}", $"    action: {{ task: {{ queue: {Q(name + "/" + arm)} }} }}"]);
        lines.Add($"holdout: {holdout.ToString(inv)}");
        lines.Add("goal:");
        if (goal.Event is not null)
            lines.AddRange([$"  event: {Q(goal.Event)}", $"  within: {(int)goal.Within.TotalDays}d"]);
        else
            lines.AddRange([$"  tag: {Q(goal.Tag!)}", $"  value: {Q(goal.Value!)}", $"  within: {(int)goal.Within.TotalDays}d"]);
        lines.Add($"mde: {mde.ToString(inv)}");
        return string.Join("\n", lines) + "\n";
    }
}
