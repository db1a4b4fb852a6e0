using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Demo;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Tags;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter demo</c>: writes the sample retail workspace, generates its dirty sources and runs every
/// stage that exists, printing what each stage found. Later stages add themselves here.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(GlobalOptions g)
    {
        var workspace = g.Workspace("demo-workspace");
        var persons = new Option<int>("--persons") { Description = g.Texts["opt.persons"], DefaultValueFactory = _ => RetailDemoGenerator.DefaultPersons };
        persons.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000)
                r.AddError("--persons must be between 1 and 10,000,000");
        });
        var seed = new Option<int>("--seed") { Description = g.Texts["opt.seed"], DefaultValueFactory = _ => RetailDemoGenerator.DefaultSeed };
        var command = new Command("demo", g.Texts["cmd.demo"]) { workspace, persons, seed };
        command.SetAction(async (result, cancellationToken) =>
        {
            var t = Texts.For(result.GetValue(g.Lang));
            var json = result.GetValue(g.Json);
            var root = Path.GetFullPath(result.GetValue(workspace)!);
            var total = Stopwatch.StartNew();

            var step = Stopwatch.StartNew();
            var definition = SampleWorkspace.WriteTo(root);
            DemoSummary? summary = null;
            void Generate() => summary = RetailDemoGenerator.Generate(Path.Combine(root, "data"), result.GetValue(persons), result.GetValue(seed));
            if (json)
                Generate();
            else
                AnsiConsole.Status().Start(t["step.generate"] + "…", _ => Generate());
            var generated = step.Elapsed;
            if (!json)
                Step(t["step.generate"], t.Format("gen.summary", definition.Sources.Count, summary!.Persons, summary.Events), generated);

            step.Restart();
            using var database = WorkspaceDatabase.Open(definition.DatabasePath);
            var results = await LoadCommand.LoadWithProgressAsync(database, definition, definition.Sources, force: true, json, t, cancellationToken);
            var loaded = results.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
            var read = loaded.Sum(r => r.Read);
            var kept = loaded.Sum(r => r.Loaded);
            var quarantined = loaded.Sum(r => r.Quarantined);
            var loadTime = step.Elapsed;
            if (!json)
            {
                Step(t["step.load"], t.Format("load.summary", read, kept, quarantined), loadTime);
                AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(t["load.top"])}: {Markup.Escape(LoadResultsView.Reasons(LoadResultsView.Overall(results), t, 4))}[/]");
                LoadCommand.PrintSummary(results, t);
            }

            IdentityRunReport? identity = null;
            void Resolve() => identity = new IdentityRunner(database, definition, TimeProvider.System).Run();
            if (json)
                Resolve();
            else
                AnsiConsole.Status().Start(t["step.identity"] + "…", _ => Resolve());

            var catalog = TagCatalog.Load(root);
            var plan = TagPlanner.Plan(database, catalog, DemoCalendar.AsOf);
            if (!plan.Blocked)
                PublishedCatalog.Publish(database, catalog, plan, TimeProvider.System.GetUtcNow().UtcDateTime);
            var tags = new TagRunner(database, TimeProvider.System).Run(PublishedCatalog.Load(database) ?? catalog, DemoCalendar.AsOf);

            if (json)
            {
                JsonOutput.Write(new
                {
                    workspace = root,
                    database = definition.DatabasePath,
                    generated = new { persons = summary!.Persons, events = summary.Events, rows = summary.Rows, seconds = Math.Round(generated.TotalSeconds, 2) },
                    load = new { read, loaded = kept, quarantined, seconds = Math.Round(loadTime.TotalSeconds, 2), sources = LoadResultsView.Json(results) },
                    identity,
                    tags,
                    seconds = Math.Round(total.Elapsed.TotalSeconds, 2),
                });
            }
            else
            {
                IdentityCommand.Print(identity!, t);
                TagsCommand.Print(catalog, tags, t);
                AnsiConsole.MarkupLine(Markup.Escape(t.Format("demo.done", total.Elapsed.TotalSeconds)));
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(t.Format("demo.next", root, definition.DatabasePath))}[/]");
            }
            return results.Any(r => r.Error is not null) ? ExitCodes.SourcesFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static void Step(string name, string detail, TimeSpan elapsed) =>
        AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(name)}  {Markup.Escape(detail)}  [grey]{elapsed.TotalSeconds:0.0}s[/]");
}
