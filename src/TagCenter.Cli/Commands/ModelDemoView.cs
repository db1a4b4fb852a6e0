using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// The demo's models section: how the persons split over the eight RFM classes, the total 12-month CLV, the churn
/// model's hold-out AUC (from its recorded version) and the clusters with their names and sizes, read from
/// the model tags the tag run stored (so it shows what segments and exports see, not the models' raw outputs).
/// </summary>
internal static class ModelDemoView
{
    private const string RfmTag = "RFM分层";
    private const string ClvTag = "未来12个月CLV";
    private const string ClusterTag = "客户分群";

    /// <summary>The figures: persons per RFM class (largest first) and the CLV total over the persons who have one.</summary>
    public sealed record Figures(IReadOnlyList<RfmClassCount> RfmClasses, decimal? TotalClv, long ClvPersons)
    {
        /// <summary>Each propensity model in use with its hold-out AUC (the churn model in the demo).</summary>
        public IReadOnlyList<ClassifierFigure> Classifiers { get; init; } = [];

        /// <summary>Persons per cluster name (largest first), from the 客户分群 tag.</summary>
        public IReadOnlyList<RfmClassCount> Clusters { get; init; } = [];
    }

    public sealed record RfmClassCount(string Class, long Persons);

    public sealed record ClassifierFigure(string Model, double? HoldoutAuc, long HoldoutPersons, string? Learner);

    public static Figures? Of(WorkspaceDatabase database)
    {
        if (!database.TableExists("person_tags") || PublishedCatalog.Load(database) is not { } catalog)
            return null;
        var columns = database.Rows("SELECT column_name FROM (DESCRIBE person_tags)").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        string? Column(string tag) => catalog.Find(tag) is { } t && columns.Contains(t.Code) ? SqlText.Ident(t.Code) : null;
        var rfm = Column(RfmTag);
        var clv = Column(ClvTag);
        var cluster = Column(ClusterTag);
        if (rfm is null && clv is null && cluster is null)
            return null;
        var clusters = cluster is null ? [] : database.Rows($"SELECT {cluster}, count(*) FROM person_tags WHERE {cluster} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")
            .Select(r => new RfmClassCount((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
        var classes = rfm is null ? [] : database.Rows($"SELECT {rfm}, count(*) FROM person_tags WHERE {rfm} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")
            .Select(r => new RfmClassCount((string)r[0]!, Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
        var total = clv is null ? null : database.Rows($"SELECT sum({clv}), count({clv}) FROM person_tags")[0];
        return new Figures(classes, total?[0] is { } sum ? Convert.ToDecimal(sum, CultureInfo.InvariantCulture) : null,
            total is null ? 0 : Convert.ToInt64(total[1], CultureInfo.InvariantCulture))
        {
            Classifiers = Classifiers(database),
            Clusters = clusters,
        };
    }

    /// <summary>The version in use of every propensity model, with the hold-out AUC it recorded.</summary>
    private static List<ClassifierFigure> Classifiers(WorkspaceDatabase database) =>
        [.. ModelHistory.Versions(database).Where(v => v is { Kind: "propensity", Status: "ok" }).GroupBy(v => v.Model).Select(g => g.Last()).Select(v =>
        {
            using var metrics = JsonDocument.Parse(v.Metrics);
            var holdout = metrics.RootElement.TryGetProperty("holdout", out var h) ? h : default;
            double? auc = holdout.ValueKind == JsonValueKind.Object && holdout.TryGetProperty("auc", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDouble() : null;
            var persons = holdout.ValueKind == JsonValueKind.Object && holdout.TryGetProperty("persons", out var p) ? p.GetInt64() : 0;
            var learner = metrics.RootElement.TryGetProperty("learner", out var l) ? l.GetString() : null;
            return new ClassifierFigure(v.Model, auc, persons, learner);
        })];

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
        foreach (var c in figures.Classifiers)
            ConsoleOutput.Ok(t.Format("models.demo.auc", c.Model, c.HoldoutAuc?.ToString("F3", CultureInfo.InvariantCulture) ?? "—",
                c.HoldoutPersons.ToString("N0", CultureInfo.InvariantCulture), c.Learner ?? "—"));
        if (figures.Clusters.Count > 0)
        {
            var all = figures.Clusters.Sum(c => c.Persons);
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t["models.demo.clusters"]))
                .AddColumn(t["models.demo.cluster"]).AddColumn(new TableColumn(t["models.col.persons"]).RightAligned())
                .AddColumn(new TableColumn(t["models.demo.share"]).RightAligned());
            foreach (var c in figures.Clusters)
                table.AddRow(ConsoleOutput.Cell(c.Class), ConsoleOutput.Cell(c.Persons.ToString("N0", CultureInfo.InvariantCulture)),
                    ConsoleOutput.Cell(((double)c.Persons / all).ToString("P1", CultureInfo.InvariantCulture)));
            AnsiConsole.Write(table);
        }
    }
}
