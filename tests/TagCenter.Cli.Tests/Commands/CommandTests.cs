using System.Text.Json;
using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

public sealed class CommandTests
{
    [Fact]
    public async Task InitThenLoad_StarterWorkspace_LoadsWithJsonAccounting()
    {
        var dir = CliRunner.TempDir();

        var init = await CliRunner.RunAsync("init", dir, "--lang", "en");
        var load = await CliRunner.RunAsync("load", "--workspace", dir, "--json");
        var again = await CliRunner.RunAsync("load", "--workspace", dir, "--json");

        init.ExitCode.ShouldBe(0, init.Err);
        load.ExitCode.ShouldBe(0, load.Out + load.Err);
        var sources = JsonDocument.Parse(load.Out).RootElement;
        var customers = sources.EnumerateArray().Single(s => s.GetProperty("source").GetString() == "customers");
        customers.GetProperty("read").GetInt64().ShouldBe(3); // the starter CSV has three data lines
        customers.GetProperty("loaded").GetInt64().ShouldBe(3);
        JsonDocument.Parse(again.Out).RootElement[0].GetProperty("status").GetString().ShouldBe("unchanged");
    }

    [Fact]
    public async Task Init_Twice_RefusesToOverwrite()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);

        var second = await CliRunner.RunAsync("init", dir, "--lang", "zh");

        second.ExitCode.ShouldBe(1);
        second.Err.ShouldContain("已存在");
        second.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Init_OntoAFile_UsageErrorNoStackTrace()
    {
        var file = Path.Combine(CliRunner.TempDir(), "x.txt");
        File.WriteAllText(file, "mine");

        var result = await CliRunner.RunAsync("init", file, "--lang", "en");

        result.ExitCode.ShouldBe(1);
        result.Err.ShouldContain("is a file, not a folder");
        result.Err.ShouldNotContain("   at ");
        File.ReadAllText(file).ShouldBe("mine");
    }

    [Fact]
    public async Task Load_BadWorkspace_PositionAndExitCode2()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), "sources:\n  crm:\n    kind: csv\n    pth: x.csv\n    columns: { id: {} }\n");

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--lang", "en");

        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("tagcenter.yaml:4:5");
        result.Err.ShouldContain("did you mean 'path'");
    }

    [Fact]
    public async Task Load_BadWorkspaceJson_ErrorObjectOnStderr()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), "sources:\n  crm:\n    kind: csv\n    pth: x.csv\n    columns: { id: {} }\n");

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--json", "--lang", "en");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        var error = JsonDocument.Parse(result.Err).RootElement;
        error.GetProperty("code").GetString().ShouldBe("workspace_invalid");
        error.GetProperty("file").GetString().ShouldNotBeNull().ShouldEndWith("tagcenter.yaml");
        error.GetProperty("line").GetInt32().ShouldBe(4);
        error.GetProperty("column").GetInt32().ShouldBe(5);
        error.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Load_MissingFile_ExitCode3_NamesFile()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        File.Delete(Path.Combine(dir, "data", "customers.csv"));

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--json");

        result.ExitCode.ShouldBe(3);
        var source = JsonDocument.Parse(result.Out).RootElement[0];
        source.GetProperty("status").GetString().ShouldBe("failed");
        source.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("customers.csv");
    }

    [Fact]
    public async Task Load_UnknownSource_Suggests()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--source", "custmers", "--lang", "en");

        result.ExitCode.ShouldBe(4); // an unknown name on the command line: not found, as tag show and tag suggest say
        result.Err.ShouldContain("did you mean 'customers'");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("klingon")]
    public async Task Lang_Unknown_UsageError(string lang)
    {
        var result = await CliRunner.RunAsync("status", "--lang", lang, "--json");

        result.ExitCode.ShouldBe(1);
        JsonDocument.Parse(result.Err).RootElement.GetProperty("code").GetString().ShouldBe("usage");
    }

    [Theory]
    [InlineData("run", "garbage")]
    [InlineData("run", "2026-13-45")]
    [InlineData("plan", "yesterday")]
    [InlineData("apply", "2026-02-30")]
    public async Task AsOf_Unparseable_UsageErrorWithFormats(string command, string asOf)
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);

        var result = await CliRunner.RunAsync(command, "-w", dir, "--as-of", asOf, "--lang", "en");

        result.ExitCode.ShouldBe(1, result.Err);
        result.Err.ShouldContain("2026-06-30T18:00+08:00");
        result.Err.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Demo_BadPersons_UsageError()
    {
        var result = await CliRunner.RunAsync("demo", "--persons", "0");

        result.ExitCode.ShouldBe(1);
        result.Err.ShouldContain("--persons");
    }

    [Fact]
    public async Task Help_Chinese_Translated()
    {
        var result = await CliRunner.RunAsync("--help", "--lang", "zh");

        result.Out.ShouldContain("统一标签中心");
        result.Out.ShouldContain("工作区");
        result.Out.ShouldContain("用法"); // System.CommandLine's own heading, from its zh-Hans resources
    }

    [Fact]
    public async Task TagsDictionary_OutOntoAFile_UsageError()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "mine");

        var result = await CliRunner.RunAsync("tags", "dictionary", "-w", dir, "--out", file, "--lang", "en");

        result.ExitCode.ShouldBe(1);
        result.Err.ShouldContain("is a file, not a folder");
        File.ReadAllText(file).ShouldBe("mine");
    }

    [Fact]
    public async Task TagsDictionary_UnwritableFolder_IoError()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);

        // /proc refuses new folders even for root, unlike a chmod'ed folder.
        var result = await CliRunner.RunAsync("tags", "dictionary", "-w", dir, "--out", "/proc/tagcenter-test", "--lang", "en");

        result.ExitCode.ShouldBe(6);
        result.Err.ShouldContain("/proc/tagcenter-test");
        result.Err.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Status_Piped_FollowsColumns()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);
        await CliRunner.RunAsync("load", "-w", dir);

        var narrow = await CliRunner.RunWithAsync(new Dictionary<string, string> { ["COLUMNS"] = "60" }, "status", "-w", dir, "--lang", "en");
        var wide = await CliRunner.RunWithAsync(new Dictionary<string, string> { ["COLUMNS"] = "200" }, "status", "-w", dir, "--lang", "en");

        narrow.ExitCode.ShouldBe(0, narrow.Err);
        narrow.Out.Split('\n').Max(l => l.Length).ShouldBeLessThanOrEqualTo(60);
        wide.Out.Split('\n').Max(l => l.Length).ShouldBeGreaterThan(80);
    }
}
