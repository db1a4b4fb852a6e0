using System.Diagnostics;
using System.Globalization;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Realtime;

/// <summary>What the real-time benchmarks share: a demo workspace whose users can log in, and events on a fixed schedule.</summary>
internal static class EventSchedule
{
    /// <summary>A fresh demo of <paramref name="persons"/> at <paramref name="root"/> (built by the CLI); returns the persons' e-mails (what users log in with).</summary>
    public static async Task<List<string>> DemoAsync(string root, int persons)
    {
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var cli = Path.Combine(AppContext.BaseDirectory, "tagcenter.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { cli, "demo", "--workspace", root, "--persons", persons.ToString(CultureInfo.InvariantCulture), "--lang", "en" })
            start.ArgumentList.Add(a);
        using (var process = Process.Start(start)!)
        {
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
        }
        using var db = WorkspaceDatabase.Open(Path.Combine(root, ".tagcenter", "tagcenter.duckdb"));
        return [.. db.Rows("SELECT value FROM identity_map WHERE type = 'email' AND entity = 'person' ORDER BY value").Select(r => (string)r[0]!)];
    }

    /// <summary>
    /// <paramref name="rate"/> events a second for <paramref name="seconds"/> (a third app starts, the rest page views,
    /// of random users); whenever some are due, <paramref name="apply"/> takes them all, else <paramref name="idle"/>
    /// waits. Returns each event's latency from its due time to its batch done, and the number of batches.
    /// </summary>
    public static (List<double> Latency, int Batches) Run(int rate, int seconds, int users, Random random,
        Action<List<(int User, string Kind, TimeSpan Due)>> apply, Action<TimeSpan> idle)
    {
        var total = rate * seconds;
        var events = Enumerable.Range(0, total).Select(i => (User: random.Next(users), Kind: random.Next(3) == 0 ? "app_start" : "page_view", Due: TimeSpan.FromSeconds((double)i / rate))).ToList();
        var latency = new List<double>(total);
        var batches = 0;
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (next < total)
        {
            var now = clock.Elapsed;
            var due = events.Skip(next).TakeWhile(e => e.Due <= now).ToList();
            if (due.Count == 0)
            {
                idle(events[next].Due - now);
                continue;
            }
            next += due.Count;
            batches++;
            apply(due);
            var done = clock.Elapsed;
            latency.AddRange(due.Select(e => (done - e.Due).TotalMilliseconds));
        }
        return (latency, batches);
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }
}
