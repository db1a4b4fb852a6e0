using Shouldly;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Identity;

/// <summary>A OneID, once given, stays with its cluster: the previous run's map decides, not the oldest sighting.</summary>
public sealed class StableOneIdTests : IDisposable
{
    private const string Yaml = """
        sources:
          crm:
            kind: csv
            path: crm.csv
            event_time: at
            max_reject_ratio: 1
            columns:
              member_no: { identifier: member_no }
              phone: { type: phone, identifier: phone }
              email: { type: email, identifier: email }
              at: { type: timestamp }
          app:
            kind: csv
            path: app.csv
            event_time: at
            fact: events
            max_reject_ratio: 1
            columns:
              device_id: { identifier: device_id }
              phone: { type: phone, identifier: phone }
              email: { type: email, identifier: email }
              at: { type: timestamp }
        """;

    private readonly TestWorkspace _workspace = new();

    private static async Task<IdentityRunReport> RunAsync(TestWorkspace workspace, string crm, string app, bool incremental = false)
    {
        workspace.WithFile("crm.csv", "member_no,phone,email,at\n" + crm)
            .WithFile("app.csv", "device_id,phone,email,at\n" + app)
            .WithYaml(Yaml);
        // A source emptied on purpose (the test removes its rows): allowed explicitly, as --allow-shrink does.
        await workspace.LoadAsync("crm", new LoadOptions(Force: true, AllowShrink: true));
        await workspace.LoadAsync("app", new LoadOptions(Force: true, AllowShrink: true));
        return await new IdentityRunner(workspace.Database, workspace.Definition, TimeProvider.System)
            .RunAsync(incremental, TestContext.Current.CancellationToken);
    }

    private static string OneIdOf(TestWorkspace workspace, string value) =>
        workspace.Database.Scalar<string>("SELECT oneid FROM identity_map WHERE value = $1", value)!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_SourceWithOldestSightingRemoved_OneIdsKept(bool incremental)
    {
        // The app saw the phone first, so the phone named the person; without the app the member is oldest.
        const string crm = "M1,13800138001,a@qq.com,2024-02-01\nM2,13900139002,,2024-02-01\n";
        await RunAsync(_workspace, crm, ",13800138001,,2023-01-01\n,13900139002,b@qq.com,2023-01-01\n");
        var before = new[] { "M1", "M2", "+8613800138001", "+8613900139002" }.Select(v => OneIdOf(_workspace, v)).ToList();

        var report = await RunAsync(_workspace, crm, "", incremental);

        new[] { "M1", "M2", "+8613800138001", "+8613900139002" }.Select(v => OneIdOf(_workspace, v)).ShouldBe(before);
        report.Merges.ShouldBe(0);
        report.Splits.ShouldBe(0);
    }

    [Fact]
    public async Task Run_Merge_OldestOneIdSurvives_TheOtherRecordedAsMerged()
    {
        await RunAsync(_workspace, "M1,13800138001,,2024-01-01\n", "D9,13900139009,,2023-03-01\n");
        var member = OneIdOf(_workspace, "M1");
        var visitor = OneIdOf(_workspace, "D9");
        // A later run issues a OneID to a newcomer, then the newcomer's row links it to the member.
        await RunAsync(_workspace, "M1,13800138001,,2024-01-01\n", "D9,13900139009,,2023-03-01\nD7,13700137007,,2022-01-01\n");
        var newcomer = OneIdOf(_workspace, "D7");

        var report = await RunAsync(_workspace, "M1,13800138001,,2024-01-01\nM1,13700137007,,2024-05-01\n",
            "D9,13900139009,,2023-03-01\nD7,13700137007,,2022-01-01\n");

        // The newcomer's identifiers are older, but the member's OneID was given first.
        OneIdOf(_workspace, "D7").ShouldBe(member);
        OneIdOf(_workspace, "D9").ShouldBe(visitor);
        report.Merges.ShouldBe(1);
        _workspace.Rows("SELECT kind, oneid, other_oneid FROM identity_history").ShouldBe([["merged", newcomer, member]]);
    }

    [Fact]
    public async Task Run_Split_LargerPartKeepsOneId_OtherPartNew()
    {
        await RunAsync(_workspace, "M1,13800138001,a@qq.com,2024-03-01\nM1,13900139009,,2024-03-01\n", "");
        var before = OneIdOf(_workspace, "M1");

        // The second phone now belongs to another member, whose identifiers are older.
        var report = await RunAsync(_workspace, "M1,13800138001,a@qq.com,2024-03-01\nM2,13900139009,,2020-01-01\n", "");

        OneIdOf(_workspace, "M1").ShouldBe(before);
        OneIdOf(_workspace, "a@qq.com").ShouldBe(before);
        var part = OneIdOf(_workspace, "M2");
        part.ShouldNotBe(before);
        report.Splits.ShouldBe(1);
        _workspace.Rows("SELECT kind, oneid, other_oneid FROM identity_history").ShouldBe([["split", part, before]]);
    }

    [Fact]
    public async Task Run_Incremental_SameResultAsFullRunFromTheSamePreviousMap()
    {
        const string crm1 = "M1,13800138001,a@qq.com,2024-01-01\nM2,13900139002,,2024-01-02\nM3,13700137003,,2024-01-03\nM9,13500135009,c@qq.com,2024-01-05\nM8,13300133008,,2024-01-08\n";
        const string app1 = "D1,13800138001,,2024-02-01\nD2,,,2024-02-02\nD3,13700137003,,2024-02-03\nD4,13500135009,,2022-01-01\n";
        // New rows: a conflict, a new person, an older sighting, a merge, a removed link (split).
        const string crm2 = "M1,13800138001,a@qq.com,2024-01-01\nM2,13900139002,,2024-01-02\nM3,13700137003,,2024-01-03\nM9,13500135009,,2024-01-05\nM8,13300133008,,2024-01-08\n"
            + "M2,13800138001,,2024-03-01\nM4,13600136004,b@qq.com,2023-12-01\nM3,,c@qq.com,2024-03-01\n";
        const string app2 = "D1,13800138001,,2024-02-01\nD2,13600136004,,2024-02-02\nD3,,,2024-02-03\nD5,,,2024-04-01\n";
        using var other = new TestWorkspace();
        await RunAsync(_workspace, crm1, app1);
        await RunAsync(other, crm1, app1);

        var incremental = await RunAsync(_workspace, crm2, app2, incremental: true);
        var full = await RunAsync(other, crm2, app2);

        incremental.Incremental.ShouldBeTrue();
        incremental.Reresolved.ShouldBeLessThan(incremental.Identifiers);
        const string map = "SELECT type, value, oneid, cluster FROM identity_map ORDER BY type, value";
        _workspace.Rows(map).ShouldBe(other.Rows(map));
        const string history = "SELECT kind, oneid, other_oneid FROM identity_history ORDER BY ALL";
        _workspace.Rows(history).ShouldBe(other.Rows(history));
        incremental.Merges.ShouldBe(full.Merges);
        incremental.Splits.ShouldBe(full.Splits);
        incremental.Persons.ShouldBe(full.Persons);
    }

    [Fact]
    public async Task RunAsync_Incremental_ReadsOnlySourcesWhoseLoadChanged_SameAsFull()
    {
        using var other = new TestWorkspace();
        await RunAsync(_workspace, "M1,13800138001,,2024-01-01\n", "D1,13800138001,,2024-02-01\nD2,13900139002,,2024-02-01\n");
        await RunAsync(other, "M1,13800138001,,2024-01-01\n", "D1,13800138001,,2024-02-01\nD2,13900139002,,2024-02-01\n");
        // The member now names the app visitor's phone: the visitor's OneID retires, its app rows (not re-read) move.
        _workspace.WithFile("crm.csv", "member_no,phone,email,at\nM1,13800138001,,2024-01-01\nM1,13900139002,,2024-03-01\n");
        await _workspace.LoadAsync("crm");
        await _workspace.LoadAsync("app");

        var report = await new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System)
            .RunAsync(true, TestContext.Current.CancellationToken);
        var full = await RunAsync(other, "M1,13800138001,,2024-01-01\nM1,13900139002,,2024-03-01\n", "D1,13800138001,,2024-02-01\nD2,13900139002,,2024-02-01\n");

        report.SourcesRead.ShouldBe(1);
        full.SourcesRead.ShouldBe(2);
        report.Edges.ShouldBe(full.Edges);
        report.Identifiers.ShouldBe(full.Identifiers);
        const string map = "SELECT type, value, oneid, cluster, first_seen, occurrences FROM identity_map ORDER BY type, value";
        _workspace.Rows(map).ShouldBe(other.Rows(map));
        const string rows = "SELECT source, line, oneid FROM id_rows ORDER BY ALL";
        _workspace.Rows(rows).ShouldBe(other.Rows(rows));
        OneIdOf(_workspace, "M1").ShouldBe(OneIdOf(_workspace, "D2"));
        report.Merges.ShouldBe(1);
        const string facts = "SELECT _line, oneid, device_id FROM fact_events ORDER BY ALL";
        _workspace.Rows(facts).ShouldBe(other.Rows(facts));
        _workspace.Rows(facts).ShouldAllBe(r => (string)r[1]! == OneIdOf(_workspace, "M1"));
    }

    [Fact]
    public async Task RunAsync_Incremental_BlocklistChanged_EverySourceReadAgain()
    {
        await RunAsync(_workspace, "M1,13800138001,,2024-01-01\n", "D1,13800138001,,2024-02-01\n");
        _workspace.WithYaml(Yaml + "\nidentity:\n  blocklist: [\"D1\"]\n");

        var report = await new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System)
            .RunAsync(true, TestContext.Current.CancellationToken);

        report.SourcesRead.ShouldBe(2);
        report.Blocked.ShouldBe(1);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM identity_map WHERE value = 'D1'").ShouldBe(0);
    }

    [Theory]
    [InlineData("extracted")]
    [InlineData("mapped")]
    [InlineData("built")]
    public async Task RunAsync_CancelledHalfWay_NothingWritten(string step)
    {
        await RunAsync(_workspace, "M1,13800138001,,2024-01-01\n", "D1,13800138001,,2024-02-01\n");
        _workspace.WithFile("crm.csv", "member_no,phone,email,at\nM1,13800138001,,2024-01-01\nM2,13900139002,,2024-01-01\n");
        await _workspace.LoadAsync("crm", force: true);
        string[] tables = ["identity_map", "identity_runs", "identity_oneids", "identity_history", "id_occurrences", "dim_person", "id_rows"];
        var before = tables.Select(t => _workspace.Rows($"SELECT * FROM {t} ORDER BY ALL")).ToList();
        using var cancel = new CancellationTokenSource();
        var runner = new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System)
        {
            AfterStep = s => { if (s == step) cancel.Cancel(); },
        };

        await Should.ThrowAsync<OperationCanceledException>(() => runner.RunAsync(false, cancel.Token));

        tables.Select(t => _workspace.Rows($"SELECT * FROM {t} ORDER BY ALL")).ToList().ShouldBe(before);
        (await RunAsync(_workspace, "M1,13800138001,,2024-01-01\nM2,13900139002,,2024-01-01\n", "D1,13800138001,,2024-02-01\n")).Persons.ShouldBe(2);
    }

    public void Dispose() => _workspace.Dispose();
}
