using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Demo;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter demo</c>: writes the sample retail workspace, generates its dirty sources and brings it up to date
/// with the same pipeline as <c>refresh</c>, printing what each stage found. It refuses a folder that holds
/// anything it did not make itself, unless <c>--force</c>.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultFolder = "demo-workspace";

    /// <summary>Written into a workspace the demo made, so running the demo there again is safe.</summary>
    public const string Marker = ".tagcenter/demo-workspace.json";

    public static Command Create(CliOptions o)
    {
        var persons = new Option<int>("--persons") { Description = o.Texts["opt.persons"], DefaultValueFactory = _ => RetailDemoGenerator.DefaultPersons };
        persons.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000)
                r.AddError(o.Texts["error.persons"]);
        });
        var seed = new Option<int>("--seed") { Description = o.Texts["opt.seed"], DefaultValueFactory = _ => RetailDemoGenerator.DefaultSeed };
        var force = new Option<bool>("--force") { Description = o.Texts["opt.demoforce"] };
        var command = new Command("demo", o.Texts["cmd.demo"]) { persons, seed, force };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var root = context.WorkspaceGiven ? context.WorkspaceRoot : Path.GetFullPath(DefaultFolder);
            EnsureMayWrite(root, result.GetValue(force), t);
            var total = Stopwatch.StartNew();

            var step = Stopwatch.StartNew();
            var definition = SampleWorkspace.WriteTo(root);
            var written = new List<string>();
            WorkspaceFiles.Write(Path.Combine(root, Marker), JsonOutput.Serialize(new { persons = result.GetValue(persons), seed = result.GetValue(seed) }), written);
            var summary = ConsoleOutput.Busy(context, t["step.generate"],
                () => RetailDemoGenerator.Generate(Path.Combine(root, "data"), result.GetValue(persons), result.GetValue(seed)));
            var generated = step.Elapsed;
            if (!context.Json)
                ConsoleOutput.Step(t["step.generate"], t.Format("gen.summary", definition.Sources.Count, summary.Persons, summary.Events), generated);

            using var session = WorkspaceSession.Open(definition, readOnly: false, cancellationToken);
            var database = session.Database;
            var asOf = AsOfOption.At(DemoCalendar.AsOf, definition);
            var refreshed = await RefreshCommand.RunAsync(context, definition, database,
                new RefreshCommand.RefreshSettings(asOf, ForceLoad: true, Publish: true, AllowShrink: true), cancellationToken);
            // The generator knows who every identifier truly belongs to: identity is graded against it.
            var quality = refreshed.Identity is null ? null
                : IdentityQuality.Measure(database, definition, Path.Combine(root, "data", RetailDemoGenerator.TruthFile));

            var models = ModelDemoView.Of(database);
            if (context.Json)
                JsonOutput.Write(new DemoResult(root, definition.DatabasePath,
                    new GeneratedData(summary.Persons, summary.Events, summary.Rows, generated), refreshed, quality, total.Elapsed)
                { Models = models });
            else
            {
                if (quality is not null)
                    ConsoleOutput.Ok(t.Format("identity.quality", quality.Precision, quality.Recall, quality.RecallOfLinkable, quality.Identifiers));
                FieldsCommand.PrintTop(context, definition, database);
                Segments.SegmentDemoView.Print(context, definition, database);
                ModelDemoView.Print(context, models);
                Activation.ActivationDemoView.Print(context, definition, database);
                if (database.TableExists("fact_events"))
                    FunnelCommand.Demo(database, context);
                AnsiConsole.MarkupLine(Markup.Escape(t.Format("demo.done", total.Elapsed.TotalSeconds)));
                ConsoleOutput.Grey(t.Format("demo.next", root, definition.DatabasePath));
            }
            return refreshed.ExitCode;
        });
        return command;
    }

    /// <summary>An empty or missing folder, or one the demo made: fine. Anything else is the user's and is left alone.</summary>
    private static void EnsureMayWrite(string root, bool force, Texts t)
    {
        if (File.Exists(root))
            throw new UsageException(t.Format("storage.isfile", root));
        if (force || !Directory.Exists(root) || !Directory.EnumerateFileSystemEntries(root).Any() || File.Exists(Path.Combine(root, Marker)))
            return;
        throw new UsageException(t.Format("demo.notempty", root));
    }

    private sealed record GeneratedData(int Persons, long Events, IReadOnlyDictionary<string, int> Rows, TimeSpan Elapsed);

    private sealed record DemoResult(string Workspace, string Database, GeneratedData Generated, RefreshResultView Refresh,
        IdentityQuality? IdentityQuality, TimeSpan Elapsed)
    {
        /// <summary>The RFM class distribution and total 12-month CLV, from the model tags.</summary>
        public ModelDemoView.Figures? Models { get; init; }
    }
}
