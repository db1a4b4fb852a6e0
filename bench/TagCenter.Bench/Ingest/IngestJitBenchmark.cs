using System.Diagnostics;
using System.Globalization;

namespace TagCenter.Bench.Ingest;

/// <summary>
/// Issue #11, whether a JIT setting in the CLI's csproj pays: the real <c>tagcenter serve</c> (consumer on, fsync on)
/// takes batches of 100 over loopback HTTP from a separate loader process, under each <see cref="JitSetting"/> in turn
/// (rounds interleaved, so the shared machine's drift falls on every setting alike), and <c>tagcenter demo</c> runs
/// under each too. Reported per setting, as the median over rounds and as a ratio to the default: the server's CPU
/// per batch from its start through the warm-up (JIT included), its CPU per batch once warm, the events/s taken, and
/// the demo's wall and CPU time.
/// </summary>
internal static class IngestJitBenchmark
{
    private sealed record Round(double StartCpuPerBatch, double WarmCpuPerBatch, double EventsPerSecond, double DemoSeconds, double DemoCpu);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var (seconds, warmup, rounds) = (args.Int("seconds", 20), args.Int("warmup", 5), args.Int("rounds", 2));
        var (persons, connections, batch) = (args.Int("persons", 2000), args.Int("connections", 32), args.Int("batch", 100));
        var only = args.Values.TryGetValue("settings", out var named) ? named.Split(',') : null;
        var settings = JitSetting.All.Where(s => only is null || only.Contains(s.Name)).ToList();
        Console.WriteLine($"ingest-jit: tagcenter serve under {string.Join(", ", settings.Select(s => s.Name))}; {rounds} round(s) of {warmup} s warm-up + {seconds} s "
            + $"of batches of {batch} from {connections} connections, then tagcenter demo --persons {persons}; {Environment.ProcessorCount} cores");
        var results = settings.ToDictionary(s => s.Name, _ => new List<Round>());
        for (var r = 0; r < rounds; r++)
            foreach (var setting in settings)
            {
                var round = await RoundAsync(setting, warmup, seconds, batch, connections, persons);
                results[setting.Name].Add(round);
                Console.WriteLine($"  round {r + 1} {setting.Name,-12} start+warm-up {round.StartCpuPerBatch,6:0.00} ms/batch   warm {round.WarmCpuPerBatch,6:0.00} ms/batch   "
                    + $"{round.EventsPerSecond,9:N0} events/s   demo {round.DemoSeconds,5:0.0} s wall {round.DemoCpu,5:0.0} s CPU");
            }
        var baseline = Median(results[settings[0].Name]);
        Console.WriteLine($"  {"median",-12} {"start+warm-up",16} {"warm",14} {"events/s",12} {"demo wall",12} {"demo CPU",11}   (ratio to {settings[0].Name})");
        foreach (var setting in settings)
        {
            var m = Median(results[setting.Name]);
            Console.WriteLine($"  {setting.Name,-12} {m.StartCpuPerBatch,7:0.00} ms {m.StartCpuPerBatch / baseline.StartCpuPerBatch,5:0.00}x {m.WarmCpuPerBatch,6:0.00} ms {m.WarmCpuPerBatch / baseline.WarmCpuPerBatch,5:0.00}x "
                + $"{m.EventsPerSecond,12:N0} {m.DemoSeconds,7:0.0} s {m.DemoSeconds / baseline.DemoSeconds,4:0.00}x {m.DemoCpu,6:0.0} s {m.DemoCpu / baseline.DemoCpu,4:0.00}x");
        }
        return 0;
    }

    private static Round Median(List<Round> rounds) => new(Measure.Median(rounds.Select(r => r.StartCpuPerBatch)), Measure.Median(rounds.Select(r => r.WarmCpuPerBatch)),
        Measure.Median(rounds.Select(r => r.EventsPerSecond)), Measure.Median(rounds.Select(r => r.DemoSeconds)), Measure.Median(rounds.Select(r => r.DemoCpu)));

    private static async Task<Round> RoundAsync(JitSetting setting, int warmup, int seconds, int batch, int connections, int persons)
    {
        var root = Path.Combine(Path.GetTempPath(), $"tc-ingestjit-{Environment.ProcessId}-{setting.Name}");
        Directory.CreateDirectory(root);
        try
        {
            var (startCpu, warmCpu, rate) = await ServeAsync(setting, Path.Combine(root, "serve"), warmup, seconds, batch, connections);
            var before = ChildCpu.Total();
            var watch = Stopwatch.StartNew();
            await RunToEndAsync(Tagcenter(setting, "demo", "-w", Path.Combine(root, "demo"), "--persons", persons.ToString(CultureInfo.InvariantCulture), "--lang", "en"));
            return new Round(startCpu, warmCpu, rate, watch.Elapsed.TotalSeconds, (ChildCpu.Total() - before).TotalSeconds);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Serve over a fresh workspace: CPU per batch from start through warm-up, CPU per batch once warm, events/s once warm.</summary>
    private static async Task<(double Start, double Warm, double Rate)> ServeAsync(JitSetting setting, string workspace, int warmup, int seconds, int batch, int connections)
    {
        Directory.CreateDirectory(workspace);
        await File.WriteAllTextAsync(Path.Combine(workspace, "tagcenter.yaml"), $"""
            name: ingest jit bench
            sources:
              sdk:
                kind: segment
                write_key: {IngestBenchmark.Key}
                columns:
                  event_id: {"{"} from: messageId {"}"}
            """);
        var url = $"http://127.0.0.1:{IngestBenchmark.FreePort()}";
        using var server = Process.Start(Tagcenter(setting, "serve", "-w", workspace, "--urls", url, "--lang", "en"))!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            await ReadyAsync(url, server);
            var warm = await IngestBenchmark.LoadAsync(url, warmup, batch, connections, "w", "header");
            var cpu0 = server.TotalProcessorTime;
            var run = await IngestBenchmark.LoadAsync(url, seconds, batch, connections, "r", "header");
            var cpu = server.TotalProcessorTime - cpu0;
            return (cpu0.TotalMilliseconds / (warm.Events / batch), cpu.TotalMilliseconds / (run.Events / batch), run.Events / run.Seconds);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task ReadyAsync(string url, Process server)
    {
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server.HasExited)
                throw new InvalidOperationException("tagcenter serve exited with " + server.ExitCode);
            try
            {
                using var response = await http.GetAsync(new Uri(url + "/health"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("tagcenter serve did not answer /health within 60 s");
    }

    private static ProcessStartInfo Tagcenter(JitSetting setting, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagcenter.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in setting.Environment)
            start.Environment[name] = value;
        return start;
    }

    private static async Task RunToEndAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tagcenter {string.Join(' ', start.ArgumentList.Skip(1))} exited with {process.ExitCode}: {await output}{await error}");
    }
}
