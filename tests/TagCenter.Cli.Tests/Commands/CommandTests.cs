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
        var source = JsonDocument.Parse(load.Out).RootElement[0];
        source.GetProperty("source").GetString().ShouldBe("customers");
        source.GetProperty("read").GetInt64().ShouldBe(source.GetProperty("loaded").GetInt64() + source.GetProperty("quarantined").GetInt64());
        source.GetProperty("loaded").GetInt64().ShouldBe(3);
        JsonDocument.Parse(again.Out).RootElement[0].GetProperty("status").GetString().ShouldBe("unchanged");
    }

    [Fact]
    public async Task Init_Twice_RefusesToOverwrite()
    {
        var dir = CliRunner.TempDir();
        await CliRunner.RunAsync("init", dir);

        var second = await CliRunner.RunAsync("init", dir, "--lang", "zh");

        second.ExitCode.ShouldBe(1);
        second.Out.ShouldContain("已存在");
    }

    [Fact]
    public async Task Load_BadWorkspace_PositionAndExitCode2()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), "sources:\n  crm:\n    kind: csv\n    pth: x.csv\n    columns: { id: {} }\n");

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--lang", "en");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("tagcenter.yaml:4:5");
        result.Out.ShouldContain("did you mean 'path'");
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

        var result = await CliRunner.RunAsync("load", "--workspace", dir, "--source", "custmers");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("did you mean 'customers'");
    }

    [Fact]
    public async Task Demo_SmallWorkspace_EveryStageReportsNumbers()
    {
        var dir = CliRunner.TempDir();

        var result = await CliRunner.RunAsync("demo", "--workspace", dir, "--persons", "400", "--json");

        result.ExitCode.ShouldBe(0, result.Err);
        var json = JsonDocument.Parse(result.Out).RootElement;
        json.GetProperty("generated").GetProperty("persons").GetInt32().ShouldBe(400);
        var load = json.GetProperty("load");
        load.GetProperty("read").GetInt64().ShouldBe(load.GetProperty("loaded").GetInt64() + load.GetProperty("quarantined").GetInt64());
        load.GetProperty("sources").GetArrayLength().ShouldBe(8);
        var status = await CliRunner.RunAsync("status", "--workspace", dir, "--lang", "zh");
        status.ExitCode.ShouldBe(0);
        status.Out.ShouldContain("crm_members");
        var persons = json.GetProperty("identity").GetProperty("persons").GetInt64();
        persons.ShouldBeGreaterThan(0);
        var again = await CliRunner.RunAsync("identity", "run", "--incremental", "--workspace", dir, "--json");
        again.ExitCode.ShouldBe(0, again.Err);
        var rerun = JsonDocument.Parse(again.Out).RootElement;
        rerun.GetProperty("incremental").GetBoolean().ShouldBeTrue();
        rerun.GetProperty("reresolved").GetInt64().ShouldBe(0);
        rerun.GetProperty("persons").GetInt64().ShouldBe(persons);
        var stats = await CliRunner.RunAsync("identity", "stats", "--workspace", dir, "--json");
        JsonDocument.Parse(stats.Out).RootElement.GetProperty("persons").GetInt64().ShouldBe(persons);
        var phone = await CliRunner.RunAsync("profile", "nobody-at-all", "--workspace", dir);
        phone.ExitCode.ShouldBe(4);

        json.GetProperty("tags").GetProperty("tags").GetArrayLength().ShouldBe(14);
        var show = await CliRunner.RunAsync("tag", "show", "活跃度", "--workspace", dir, "--json");
        show.ExitCode.ShouldBe(0, show.Err);
        var shown = JsonDocument.Parse(show.Out).RootElement;
        shown.GetProperty("code").GetString().ShouldBe("activity_level");
        shown.GetProperty("upstream_tags")[0].GetString().ShouldBe("近30天访问次数");
        var plan = await CliRunner.RunAsync("plan", "--workspace", dir, "--json");
        JsonDocument.Parse(plan.Out).RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        var refresh = await CliRunner.RunAsync("run", "--tags", "活跃度", "--as-of", "2026-11-01", "--workspace", dir, "--json");
        refresh.ExitCode.ShouldBe(0, refresh.Err);
        JsonDocument.Parse(refresh.Out).RootElement.GetProperty("tags").GetArrayLength().ShouldBe(1);
        var dictionary = await CliRunner.RunAsync("tags", "dictionary", "--workspace", dir);
        dictionary.ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(dir, "tag-dictionary.md")).ShouldContain("活跃度");
    }

    [Fact]
    public async Task Demo_BadPersons_UsageError()
    {
        var result = await CliRunner.RunAsync("demo", "--persons", "0");

        result.ExitCode.ShouldBe(1);
        (result.Out + result.Err).ShouldContain("--persons");
    }

    [Fact]
    public async Task Help_Chinese_Translated()
    {
        var result = await CliRunner.RunAsync("--help", "--lang", "zh");

        result.Out.ShouldContain("统一标签中心");
    }
}
