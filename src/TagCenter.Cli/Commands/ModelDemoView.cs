using System.Globalization;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// The demo's models section: how the persons split over the eight RFM classes and the total 12-month CLV, read from
/// the model tags the tag run stored (so it shows what segments and exports see, not the models' raw outputs).
/// </summary>
internal static class ModelDemoView
{
    private const string RfmTag = "RFM分层";
    private const string ClvTag = "未来12个月CLV";

    /// <summary>The figures: persons per RFM class (largest first) and the CLV total over the persons who have one.</summary>
    public sealed record Figures(IReadOnlyList<RfmClassCount> RfmClasses, decimal? TotalClv, long ClvPersons);

    public sealed record RfmClassCount(string Class, long Persons);

    public static Figures? Of(WorkspaceDatabase database)
    {
        if (!database.TableExists("person_tags") || PublishedCatalog.Load(database) is not { } catalog)
            return null;
        var columns = database.Rows("SELECT column_name FROM (DESCRIBE person_tags)").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        string? Column(string tag) => catalog.Find(tag) is { } t && columns.Contains(t.Code) ? SqlText.Ident(t.Code) : null;
        var rfm = Column(RfmTag);
        var clv = Column(ClvTag);
        if (rfm is null && clv is null)
            return null;
        var classes = rfm is null ? [] : database.Rows($"SELECT {rfm}, count(*) FROM person_tags WHERE {rfm} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")
            .Select(r => new RfmClassCount((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
        var total = clv is null ? null : database.Rows($"SELECT sum({clv}), count({clv}) FROM person_tags")[0];
        return new Figures(classes, total?[0] is { } sum ? Convert.ToDecimal(sum, CultureInfo.InvariantCulture) : null,
            total is null ? 0 : Convert.ToInt64(total[1], CultureInfo.InvariantCulture));
    }

    public static void Print(CliContext context, Figures? figures)
    {
        if (context.Json || figures is null)
            return;
        var t = context.Texts;
        if (figures.RfmClasses.Count > 0)
        {
            var all = figures.RfmClasses.Sum(c => c.Persons);
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t["models.demo.rfm"]))
                .AddColumn(t["models.demo.class"]).AddColumn(new TableColumn(t["models.col.persons"]).RightAligned())
                .AddColumn(new TableColumn(t["models.demo.share"]).RightAligned());
            foreach (var c in figures.RfmClasses)
                table.AddRow(ConsoleOutput.Cell(c.Class), ConsoleOutput.Cell(c.Persons.ToString("N0", CultureInfo.InvariantCulture)),
                    ConsoleOutput.Cell(((double)c.Persons / all).ToString("P1", CultureInfo.InvariantCulture)));
            AnsiConsole.Write(table);
        }
        if (figures.TotalClv is { } total)
            ConsoleOutput.Ok(t.Format("models.demo.clv", total.ToString("N0", CultureInfo.InvariantCulture), figures.ClvPersons.ToString("N0", CultureInfo.InvariantCulture)));
    }
}
