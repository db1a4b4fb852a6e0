using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter model run [name] [--as-of]</c>: trains one model or all of them. A failed training is reported
/// (exit code 8) and leaves that model's previous version in use; the other models still train.
/// </summary>
internal static class ModelRunCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string?>("name") { Description = o.Texts["models.opt.name"], Arity = ArgumentArity.ZeroOrOne };
        var asOf = AsOfOption.Create(o.Texts);
        var command = new Command("run", o.Texts["models.cmd.run"]) { name, asOf };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var catalog = ModelCommand.Catalog(context.WorkspaceRoot);
            var wanted = result.GetValue(name);
            var models = wanted is null ? catalog.Models : [ModelCommand.Find(catalog, wanted, t)];
            using var session = context.Open(cancellationToken);
            // Without --as-of, the data's "now" is the as-of of the last tag run (the demo's data stops on 2026-11-01), else now.
            var when = result.GetValue(asOf) is null
                ? AsOfOption.At(Segments.SegmentWorkspace.AsOf(session.Database, session.Definition), session.Definition)
                : AsOfOption.Read(result, asOf, session.Definition);
            if (!context.Json)
                ConsoleOutput.Grey(t.Format("models.cli.asof", when.Local));
            var trainer = new ModelTrainer(session.Database, TimeProvider.System, catalog);
            var reports = new List<ModelRunReport>();
            foreach (var model in models)
            {
                var report = ConsoleOutput.Busy(context, model.Name, () => trainer.Train(model, when.Local));
                reports.Add(report);
                if (context.Json)
                    continue;
                if (report.Succeeded)
                    ConsoleOutput.Step(model.Name, ModelTrainer.Describe(report), report.Elapsed);
                else
                    ConsoleOutput.Warn("✘ " + ModelTrainer.Describe(report));
            }
            if (context.Json)
                JsonOutput.Write(new
                {
                    as_of = when.Local,
                    models = ModelStep.Json(reports),
                });
            else if (models.Count == 0)
                ConsoleOutput.Warn(t["models.cli.none"]);
            return Task.FromResult(reports.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.RunFailed);
        });
        return command;
    }
}
