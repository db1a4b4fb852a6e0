using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(TagCenter.Web.Tests.EndToEnd.ConsoleSite))]

namespace TagCenter.Web.Tests.EndToEnd;

/// <summary>
/// The console as users get it: the real <c>tagcenter</c> built beside the tests makes a 300-person demo workspace,
/// and <c>tagcenter serve</c> runs it as its own process on Kestrel (from bin, not Development). Before the server
/// starts (it holds the workspace), the CLI gives the figures the browser's must equal: a rule's count, a funnel,
/// the OneID of a phone number. One tag is moved to the 门店 business line, to check a marketer of 电商 cannot see it.
/// </summary>
public sealed partial class ConsoleSite : IAsyncLifetime
{
    public const string Rule = "age between 18 and 25 and 城市 = '上海'";
    public const string LineTag = "活跃度";

    /// <summary>The write key of the demo workspace's event source (<c>sdk_events</c>).</summary>
    public const string WriteKey = "wk_demo_123";
    public static readonly string[] FunnelSteps = ["product_view", "add_to_cart", "order_paid"];

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "tc-web-" + Guid.NewGuid().ToString("N"));
    private Process? _server;
    private readonly StringBuilder _serverLog = new();

    public string Root => Path.Combine(_parent, "demo");

    public Uri Address { get; private set; } = default!;

    public string AdminKey { get; private set; } = "";

    /// <summary>A marketer of the 电商 line without pii:read.</summary>
    public string MarketerKey { get; private set; } = "";

    public long CliRuleSize { get; private set; }

    public long CliFunnelFirst { get; private set; }

    public long CliFunnelLast { get; private set; }

    public string Phone { get; private set; } = "";

    public string PhoneOneId { get; private set; } = "";

    public string ServerLog => _serverLog.ToString();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_parent);
        await CliAsync("demo", "-w", Root, "--persons", "300", "--lang", "en");
        var tags = Path.Combine(Root, "tags", "行为.yaml");
        var text = await File.ReadAllTextAsync(tags);
        await File.WriteAllTextAsync(tags, text.Replace("    description: 活跃度分层\n", "    description: 活跃度分层\n    business_line: 门店\n", StringComparison.Ordinal));

        CliRuleSize = (await JsonAsync("segment", "count", Rule, "-w", Root, "--json")).GetProperty("size").GetInt64();
        var funnel = (await JsonAsync(["funnel", .. FunnelSteps, "--within", "7d", "-w", Root, "--json"])).GetProperty("total").GetProperty("steps");
        CliFunnelFirst = funnel[0].GetProperty("persons").GetInt64();
        CliFunnelLast = funnel[FunnelSteps.Length - 1].GetProperty("persons").GetInt64();
        await FindPhoneAsync();
        AdminKey = (await JsonAsync("keys", "create", "-w", Root, "--role", "admin", "--name", "console-admin", "--pii", "--json")).GetProperty("key").GetString()!;
        MarketerKey = (await JsonAsync("keys", "create", "-w", Root, "--role", "marketer", "--name", "console-marketer", "--line", "电商", "--json")).GetProperty("key").GetString()!;
        await StartServerAsync();
    }

    // A phone number of the CRM export (GBK text; the digits read the same in any encoding) that identifies a person.
    private async Task FindPhoneAsync()
    {
        var raw = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(Root, "data", "crm_members.csv")));
        foreach (var match in PhonePattern().Matches(raw).Take(20))
        {
            var phone = match.Value.Replace(" ", "", StringComparison.Ordinal);
            var (exit, output) = await RunAsync(["profile", phone, "-w", Root, "--json"]);
            if (exit != 0)
                continue;
            Phone = phone;
            PhoneOneId = JsonDocument.Parse(output).RootElement.GetProperty("oneid").GetString()!;
            return;
        }
        throw new InvalidOperationException("no phone number of crm_members.csv identifies a person");
    }

    private async Task StartServerAsync()
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var start = Start(["serve", "-w", Root, "--urls", Address.ToString().TrimEnd('/')]);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { lock (_serverLog) _serverLog.AppendLine(e.Data); };
        _server.ErrorDataReceived += (_, e) => { lock (_serverLog) _serverLog.AppendLine(e.Data); };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        using var http = new HttpClient();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_server.HasExited)
                throw new InvalidOperationException("tagcenter serve exited (" + _server.ExitCode + "):\n" + ServerLog);
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("tagcenter serve did not answer /health within 60 s:\n" + ServerLog);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CliAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        if (exit != 0)
            throw new InvalidOperationException("tagcenter " + string.Join(' ', args) + " failed (exit " + exit + "):\n" + output);
    }

    private static async Task<JsonElement> JsonAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        if (exit != 0)
            throw new InvalidOperationException("tagcenter " + string.Join(' ', args) + " failed (exit " + exit + "):\n" + output);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static ProcessStartInfo Start(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tagcenter.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args)
    {
        using var process = Process.Start(Start(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + (process.ExitCode == 0 ? "" : await stderr));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        try { Directory.Delete(_parent, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"1[3-9]\d \d{4} \d{4}")]
    private static partial Regex PhonePattern();
}
