using System.CommandLine;
using System.Globalization;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// <c>experiment create &lt;name&gt; --segment S --arms A:45,B:45 [--holdout 10] --goal-event orders [--within 30d]</c>: writes
/// <c>experiments/&lt;name&gt;.yaml</c> (each arm gets a task action on its own queue, to edit), checked like any experiment file.
/// </summary>
internal static class ExperimentCreateCommand
{
    public static Command Create(CliOptions o)
    {
        var t = o.Texts;
        var name = new Argument<string>("name") { Description = t["opt.experiment.name"] };
        var segment = new Option<string>("--segment") { Description = t["opt.experiment.segment"], Required = true };
        var arms = new Option<string>("--arms") { Description = t["opt.experiment.arms"], Required = true };
        var holdout = new Option<decimal?>("--holdout") { Description = t["opt.experiment.holdout"] };
        var goalEvent = new Option<string?>("--goal-event") { Description = t["opt.experiment.goal_event"] };
        var goalTag = new Option<string?>("--goal-tag") { Description = t["opt.experiment.goal_tag"] };
        var goalValue = new Option<string?>("--goal-value") { Description = t["opt.experiment.goal_value"] };
        var within = new Option<string>("--within") { Description = t["opt.experiment.within"], DefaultValueFactory = _ => "30d" };
        var mde = new Option<decimal>("--mde") { Description = t["opt.experiment.mde"], DefaultValueFactory = _ => 0.02m };
        var command = new Command("create", t["cmd.experiment.create"]) { name, segment, arms, holdout, goalEvent, goalTag, goalValue, within, mde };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var texts = context.Texts;
            using var session = context.OpenReadOnly();
            var experimentName = result.GetValue(name)!.Trim();
            if (Core.Segments.SegmentCatalog.Problem(experimentName) is not null)
                throw new UsageException(texts.Format("activation.experiment.name", experimentName));
            var parsedArms = ParseArms(result.GetValue(arms)!, texts);
            var window = DurationText.Parse(result.GetValue(within)!) ?? throw new UsageException(Core.Text.Texts.T("activation.within.bad", result.GetValue(within)));
            var goal = new ExperimentGoal(result.GetValue(goalEvent), window, result.GetValue(goalTag), result.GetValue(goalValue));
            var path = ExperimentCatalog.FileFor(session.Definition.Root, experimentName);
            if (File.Exists(path))
                throw new UsageException(texts.Format("activation.experiment.exists", experimentName, path));
            var yaml = ExperimentCatalog.Yaml(experimentName, result.GetValue(segment)!, parsedArms,
                result.GetValue(holdout) ?? 100 - parsedArms.Sum(a => a.Percent), goal, result.GetValue(mde));
            var names = new ActivationNames([.. SegmentWorkspace.All(session.Definition).Segments.Select(s => s.Name)], PublishedCatalog.Load(session.Database));
            var diagnostics = new List<Diagnostic>();
            var relative = Path.GetRelativePath(session.Definition.Root, path);
            if (ExperimentCatalog.ParseFile(relative, experimentName, yaml, names, diagnostics) is null || diagnostics.Count > 0)
                throw new WorkspaceException(diagnostics);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, yaml);
            if (context.Json)
                JsonOutput.Write(new { name = experimentName, file = relative, yaml });
            else
                ConsoleOutput.Ok(texts.Format("activation.experiment.created", experimentName, relative));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<(string Arm, decimal Percent)> ParseArms(string text, Texts t)
    {
        var arms = new List<(string, decimal)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0 || !decimal.TryParse(part[(colon + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                throw new UsageException(t.Format("activation.arms.syntax", part));
            arms.Add((part[..colon].Trim(), percent));
        }
        return arms.Count > 0 ? arms : throw new UsageException(t.Format("activation.arms.syntax", text));
    }
}
