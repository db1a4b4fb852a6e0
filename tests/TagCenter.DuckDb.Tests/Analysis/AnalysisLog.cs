using System.Globalization;
using System.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>A throw-away database holding an event log, a person dimension and a tag table written by hand.</summary>
internal sealed class AnalysisLog : IDisposable
{
    public static readonly DateTime Day0 = new(2026, 10, 1);

    private readonly string _folder;

    public AnalysisLog()
    {
        _folder = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Database = WorkspaceDatabase.Open(Path.Combine(_folder, "analysis.duckdb"));
        Database.Execute("""
            CREATE TABLE fact_events (oneid VARCHAR, event VARCHAR, event_time TIMESTAMP, _source VARCHAR, _line BIGINT);
            CREATE TABLE dim_person (oneid VARCHAR, city VARCHAR, city__source VARCHAR);
            CREATE TABLE person_tags (oneid VARCHAR, tier VARCHAR);
            """);
    }

    public WorkspaceDatabase Database { get; }

    /// <summary>Day <paramref name="day"/> of the log at <paramref name="hh"/>:<paramref name="mm"/>.</summary>
    public static DateTime At(int day, int hh = 0, int mm = 0) => Day0.AddDays(day).AddHours(hh).AddMinutes(mm);

    public AnalysisLog Person(string oneId, string? city, string? tier)
    {
        Database.Execute("INSERT INTO dim_person VALUES ($1, $2, 'crm')", oneId, city);
        Database.Execute("INSERT INTO person_tags VALUES ($1, $2)", oneId, tier);
        return this;
    }

    public AnalysisLog Events(IEnumerable<(string? OneId, string Event, DateTime Time)> events)
    {
        var sql = new StringBuilder();
        var line = 0;
        foreach (var (oneId, name, time) in events)
        {
            sql.Append(sql.Length == 0 ? "INSERT INTO fact_events VALUES " : ", ");
            sql.Append(CultureInfo.InvariantCulture, $"({(oneId is null ? "NULL" : $"'{oneId}'")}, '{name}', TIMESTAMP '{time:yyyy-MM-dd HH:mm:ss}', 'test', {++line})");
        }
        if (sql.Length > 0)
            Database.Execute(sql.ToString());
        return this;
    }

    public AnalysisLog Events(params (string? OneId, string Event, DateTime Time)[] events) => Events(events.AsEnumerable());

    public void Dispose()
    {
        Database.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
