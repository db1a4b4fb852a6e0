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
}
