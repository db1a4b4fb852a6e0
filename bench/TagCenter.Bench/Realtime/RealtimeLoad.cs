using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace TagCenter.Bench.Realtime;

/// <summary>
/// The sender of the real-time bench (<c>realtime-load</c>), a process of its own as an SDK is: track events of
/// <c>--users</c> identified users (<c>u-{n}</c>) at <c>--rate</c> events/s in requests of <c>--batch</c> for
/// <c>--seconds</c>, messageIds <c>t-{n}</c>. Writes when each message was sent (<see cref="Stopwatch"/> ticks, the
/// machine's monotonic clock, which the server's process reads too) to <c>--out</c>, one 64-bit value per message.
/// </summary>
internal static class RealtimeLoad
{
    public static async Task<int> MainAsync(BenchArgs args)
    {
        var url = new Uri(args.Values["url"]);
        var (rate, seconds, batch, users) = (args.Int("rate", 1000), args.Int("seconds", 10), args.Int("batch", 10), args.Int("users", 1));
        var total = rate * seconds;
        var sentAt = new long[total];
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("wk_demo_123:")));
        (await http.GetAsync(new Uri("/health", UriKind.Relative))).EnsureSuccessStatusCode(); // this process's HTTP stack warm before the clock
        var random = new Random(11);
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total / batch + 1);
        for (var i = 0; i < total; i += batch)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            while (clock.Elapsed < due)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0.5, (due - clock.Elapsed).TotalMilliseconds)));
            var messages = Enumerable.Range(i, Math.Min(batch, total - i)).Select(n =>
                $$"""{"type":"track","event":"{{(random.Next(3) == 0 ? "app_start" : "page_view")}}","userId":"u-{{random.Next(users)}}","messageId":"t-{{n}}"}""").ToList();
            Array.Fill(sentAt, Stopwatch.GetTimestamp(), i, messages.Count);
            requests.Add(PostAsync(http, messages));
        }
        await Task.WhenAll(requests);
        await File.WriteAllBytesAsync(args.Values["out"], [.. sentAt.SelectMany(BitConverter.GetBytes)]);
        Console.WriteLine(total.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    internal static async Task PostAsync(HttpClient http, List<string> messages)
    {
        using var content = new StringContent($$"""{"batch":[{{string.Join(",", messages)}}]}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs the sender as its own process; returns when each message was sent.</summary>
    public static async Task<long[]> RunAsync(string url, int rate, int seconds, int batch, int users)
    {
        var file = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                start.ArgumentList.Add(typeof(RealtimeLoad).Assembly.Location);
            foreach (var a in new[] { "realtime-load", "--url", url, "--rate", $"{rate}", "--seconds", $"{seconds}", "--batch", $"{batch}", "--users", $"{users}", "--out", file })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException("realtime-load failed: " + output);
            var bytes = await File.ReadAllBytesAsync(file);
            return [.. Enumerable.Range(0, bytes.Length / 8).Select(i => BitConverter.ToInt64(bytes, i * 8))];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
