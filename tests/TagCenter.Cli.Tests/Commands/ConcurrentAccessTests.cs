using System.Text.Json;
using DuckDB.NET.Data;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>Another process writing to the workspace: readers still work (on a snapshot), writers are told to wait.</summary>
public sealed class ConcurrentAccessTests
{
    [Fact]
    public async Task StatusAndProfile_WhileAnotherProcessWrites_ReadASnapshot()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        (await CliRunner.RunAsync("refresh", "-w", dir)).ExitCode.ShouldBe(0);

        // This test process holds the database for writing, as a running load would.
        using var writer = new DuckDBConnection($"DataSource={Path.Combine(dir, ".tagcenter", "tagcenter.duckdb")}");
        writer.Open();
        var status = await CliRunner.RunAsync("status", "-w", dir, "--json");
        var profile = await CliRunner.RunAsync("profile", "C0002", "-w", dir, "--json");
        var load = await CliRunner.RunAsync("load", "-w", dir, "--force", "--json");

        status.ExitCode.ShouldBe(0, status.Err);
        var json = JsonDocument.Parse(status.Out).RootElement;
        json.GetProperty("snapshot").GetString().ShouldNotBeNull().ShouldContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.GetProperty("sources")[0].GetProperty("loaded").GetInt64().ShouldBe(3);
        profile.ExitCode.ShouldBe(0, profile.Err);
        load.ExitCode.ShouldBe(7);
        JsonDocument.Parse(load.Err).RootElement.GetProperty("code").GetString().ShouldBe("busy");
    }

    [Fact]
    public async Task Demo_StoppedHalfWay_StopsSoonAndLeavesAConsistentWorkspace()
    {
        var dir = CliRunner.TempDir();

        var (exitCode, stopping) = await CliRunner.InterruptAsync(TimeSpan.FromSeconds(4), "demo", "-w", dir, "--persons", "20000");
        var status = await CliRunner.RunAsync("status", "-w", dir, "--json");

        exitCode.ShouldBeOneOf(130, 143); // 128 + SIGINT / SIGTERM
        stopping.ShouldBeLessThan(TimeSpan.FromSeconds(25));
        status.ExitCode.ShouldBe(0, status.Err);
        var sources = JsonDocument.Parse(status.Out).RootElement.GetProperty("sources").EnumerateArray().ToList();
        // Every source is either fully loaded (its counts add up) or untouched: never half.
        sources.ShouldContain(s => s.GetProperty("last_status").ValueKind == JsonValueKind.Null);
        foreach (var s in sources.Where(s => s.GetProperty("last_status").ValueKind != JsonValueKind.Null))
            s.GetProperty("loaded").GetInt64().ShouldBeGreaterThan(0);
    }
}
