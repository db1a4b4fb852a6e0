using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>What a careful user tried against the first version of the CLI, each a defect found in review.</summary>
public sealed class EdgeCaseTests
{
    private static async Task<string> StarterAsync(bool refreshed = true)
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        if (refreshed)
        {
            (await CliRunner.RunAsync("apply", "-w", dir)).ExitCode.ShouldBe(0);
            (await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-11-01")).ExitCode.ShouldBe(0);
        }
        return dir;
    }

    [Fact]
    public async Task Serve_NegativeProfileSlice_RefusedBeforeStarting()
    {
        var dir = await StarterAsync(refreshed: false);
        var (code, output, error) = await CliRunner.RunAsync("serve", "-w", dir, "--profile-slice", "-5");
        code.ShouldNotBe(0);
        (output + error).ShouldContain("--profile-slice cannot be negative");
    }

    [Fact]
    public async Task Export_ForceOntoTheDatabase_RefusedAndWorkspaceIntact()
    {
        var dir = await StarterAsync();

        var result = await CliRunner.RunAsync("export", "persons", "-w", dir, "--out", Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"), "--force", "--lang", "en");
        var yaml = await CliRunner.RunAsync("export", "persons", "-w", dir, "--out", Path.Combine(dir, "tagcenter.yaml"), "--force");
        var status = await CliRunner.RunAsync("status", "-w", dir);

        result.ExitCode.ShouldBe(1);
        result.Err.ShouldContain("workspace's own files");
        yaml.ExitCode.ShouldBe(1);
        status.ExitCode.ShouldBe(0, status.Err);
    }

    [Fact]
    public async Task TagSuggestWrite_Twice_KeepsTheEditedFileUnlessForced()
    {
        var dir = await StarterAsync();
        (await CliRunner.RunAsync("tag", "suggest", "orders.amount", "-w", dir, "--write")).ExitCode.ShouldBe(0);
        var file = Directory.GetFiles(Path.Combine(dir, "tags", "suggested")).Single();
        File.AppendAllText(file, "# 我的修改\n");

        var again = await CliRunner.RunAsync("tag", "suggest", "orders.amount", "-w", dir, "--write");
        var forced = await CliRunner.RunAsync("tag", "suggest", "orders.amount", "-w", dir, "--write", "--force");

        again.ExitCode.ShouldBe(1);
        forced.ExitCode.ShouldBe(0, forced.Err);
        File.ReadAllText(file).ShouldNotContain("我的修改");
    }

    [Fact]
    public async Task Init_WithWorkspaceOption_WritesThere()
    {
        var target = Path.Combine(CliRunner.TempDir(), "wanted");

        var result = await CliRunner.RunAsync("init", "-w", target);

        result.ExitCode.ShouldBe(0, result.Err);
        File.Exists(Path.Combine(target, "tagcenter.yaml")).ShouldBeTrue();
    }

    [Fact]
    public async Task PartialTagRun_AfterIdentity_OtherTagsStillStale()
    {
        var dir = await StarterAsync();
        (await CliRunner.RunAsync("identity", "run", "-w", dir)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("run", "-w", dir, "--tags", "城市")).ExitCode.ShouldBe(0);

        var status = await CliRunner.RunAsync("status", "-w", dir, "--json");

        var tags = JsonDocument.Parse(status.Out).RootElement.GetProperty("stages")[2];
        tags.GetProperty("fresh").GetBoolean().ShouldBeFalse();
        tags.GetProperty("reasons")[0].GetString().ShouldNotBeNull().ShouldContain("近90天消费金额");
    }

    [Fact]
    public async Task Refresh_FreshWorkspaceWithAsOf_ComputesAtThatTime()
    {
        var dir = await StarterAsync();

        var result = await CliRunner.RunAsync("refresh", "-w", dir, "--as-of", "2026-12-01", "--json");

        result.ExitCode.ShouldBe(0, result.Err);
        var tags = JsonDocument.Parse(result.Out).RootElement.GetProperty("tags");
        tags.GetProperty("as_of").GetString().ShouldNotBeNull().ShouldStartWith("2026-12-01");
        tags.GetProperty("tags").GetArrayLength().ShouldBe(2);
    }

    [Theory]
    [InlineData("run", "--as-of", "0001-01-01")]
    [InlineData("status", "-w", "")]
    public async Task OddValues_UsageErrorNotInternal(string command, string option, string value)
    {
        var dir = await StarterAsync(refreshed: false);

        var result = await CliRunner.RunAsync(command, option == "-w" ? "--lang" : "-w", option == "-w" ? "en" : dir, option, value, "--json");

        result.ExitCode.ShouldBe(1, result.Err);
        JsonDocument.Parse(result.Err).RootElement.GetProperty("code").GetString().ShouldBe("usage");
    }

    [Fact]
    public async Task TagShow_BeforeIdentity_ShowsTheDefinition()
    {
        var dir = await StarterAsync(refreshed: false);

        var result = await CliRunner.RunAsync("tag", "show", "近90天消费金额", "-w", dir, "--json");

        result.ExitCode.ShouldBe(0, result.Err);
        var json = JsonDocument.Parse(result.Out).RootElement;
        json.GetProperty("code").GetString().ShouldBe("spend_90d");
        json.GetProperty("sources")[0].GetString().ShouldNotBeNull().ShouldContain("orders");
    }

    [Fact]
    public async Task GoldenRuleChanged_IdentityStale_RefreshRebuildsIt()
    {
        var dir = await StarterAsync();
        var yaml = Path.Combine(dir, "tagcenter.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("city: { rule: most_recent", "city: { rule: first_non_empty", StringComparison.Ordinal));

        var status = await CliRunner.RunAsync("status", "-w", dir, "--json");
        var refresh = await CliRunner.RunAsync("refresh", "-w", dir, "--json");

        JsonDocument.Parse(status.Out).RootElement.GetProperty("stages")[1].GetProperty("fresh").GetBoolean().ShouldBeFalse();
        JsonDocument.Parse(refresh.Out).RootElement.GetProperty("identity").ValueKind.ShouldBe(JsonValueKind.Object);
    }
}
