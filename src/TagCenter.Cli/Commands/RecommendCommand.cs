using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter recommend &lt;person&gt; [--top N] [--model name]</c>: what the person has not bought yet, ranked by
/// how often it shares a basket with what they did buy (the workspace's recommendation model, computed on demand as
/// of the last tag run's data), each with the bought item that led to it. The person is any identifier
/// <c>profile</c> accepts. Read-only.
/// </summary>
internal static class RecommendCommand
{
    public static Command Create(CliOptions o)
    {
        var person = new Argument<string>("person") { Description = o.Texts["opt.identifier"] };
        var top = new Option<int>("--top") { Description = o.Texts["models.recommend.opt.top"], DefaultValueFactory = _ => 5 };
        var modelName = new Option<string?>("--model") { Description = o.Texts["models.recommend.opt.model"] };
        var command = new Command("recommend", o.Texts["models.recommend.cmd"]) { person, top, modelName };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var catalog = ModelCommand.Catalog(context.WorkspaceRoot);
            var model = result.GetValue(modelName) is { } name ? ModelCommand.Find(catalog, name, t)
                : catalog.Models.FirstOrDefault(m => m.Kind == ModelKind.Recommendation) ?? throw new NotFoundException(t["models.recommend.nomodel"]);
            if (model.Kind != ModelKind.Recommendation)
                throw new UsageException(t.Format("models.recommend.notrec", model.Name, model.Kind.ToString().ToLowerInvariant()));
            var n = result.GetValue(top);
            if (n is < 1 or > 100)
                throw new UsageException(t.Format("models.recommend.top", n));
            var value = result.GetValue(person)!;
            using var session = context.OpenReadOnly();
            var profile = PersonProfile.Find(session.Database, session.Definition, value) ?? throw new NotFoundException(t.Format("profile.none", value));
            var when = AsOfOption.At(Segments.SegmentWorkspace.AsOf(session.Database, session.Definition), session.Definition);
            IReadOnlyList<RecommendedItem> items;
            try
            {
                items = PersonRecommendations.For(session.Database, model, when.Local, profile.OneId, n);
            }
            catch (ModelFitException e)
            {
                throw new NotFoundException(e.Message);
            }
            if (context.Json)
            {
                JsonOutput.Write(new
                {
                    person = value,
                    oneid = profile.OneId,
                    model = model.Name,
                    as_of = when.Local,
                    items = items.Select((r, i) => new { rank = i + 1, item = r.Item, score = r.Score, because = r.Because }),
                });
                return ExitCodes.Ok;
            }
            ConsoleOutput.Grey(t.Format("models.recommend.header", profile.OneId, model.Name, when.Local));
            if (items.Count == 0)
            {
                ConsoleOutput.Warn(t["models.recommend.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("#").RightAligned()).AddColumn(t["models.recommend.item"])
                .AddColumn(new TableColumn(t["models.recommend.score"]).RightAligned()).AddColumn(t["models.recommend.because"]);
            foreach (var (item, score, because) in items.Select(r => (r.Item, r.Score, r.Because)))
                table.AddRow(ConsoleOutput.Cell((table.Rows.Count + 1).ToString(CultureInfo.InvariantCulture)), ConsoleOutput.Cell(item),
                    ConsoleOutput.Cell(score.ToString("N0", CultureInfo.InvariantCulture)), ConsoleOutput.Cell(because));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
