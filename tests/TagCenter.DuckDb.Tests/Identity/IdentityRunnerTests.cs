using Shouldly;
using TagCenter.DuckDb.Identity;

namespace TagCenter.DuckDb.Tests.Identity;

public sealed class IdentityRunnerTests : IDisposable
{
    private const string Yaml = """
        identity:
          max_component_size: MAXSIZE
          types:
            device_id: { weak: true, limit: 3 }
            email: { limit: 250 }
          blocklist: ["+8613800000000"]
          blocklist_patterns: ["@test\\.com$"]
          golden:
            name: { rule: source_priority, from: [crm.name, app.nickname] }
            city: { rule: most_recent, from: [crm.city, app.city] }
            gender: { rule: most_frequent, from: [crm.gender, app.gender] }
            birthday: { rule: first_non_empty, from: [crm.birthday] }
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
              name: {}
              city: { type: city }
              gender: { type: gender }
              birthday: { type: date }
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
              nickname: {}
              city: { type: city }
              gender: { type: gender }
              event: {}
              at: { type: timestamp }
          orders:
            kind: csv
            path: orders.csv
            event_time: paid_at
            fact: orders
            max_reject_ratio: 1
            columns:
              order_id: {}
              member_no: { identifier: member_no }
              paid_at: { type: timestamp }
          items:
            kind: csv
            path: items.csv
            fact: order_items
            owner: orders.order_id
            max_reject_ratio: 1
            columns:
              order_id: {}
              sku: {}
        """;

    private readonly TestWorkspace _workspace = new();

    private async Task<IdentityRunReport> RunAsync(string crm, string app, string orders = "", string items = "", int maxSize = 50)
    {
        _workspace.WithFile("crm.csv", "member_no,phone,email,name,city,gender,birthday,at\n" + crm)
            .WithFile("app.csv", "device_id,phone,nickname,city,gender,event,at\n" + app)
            .WithFile("orders.csv", "order_id,member_no,paid_at\n" + orders)
            .WithFile("items.csv", "order_id,sku\n" + items)
            .WithYaml(Yaml.Replace("MAXSIZE", maxSize.ToString()));
        foreach (var source in new[] { "crm", "app", "orders", "items" })
            await _workspace.LoadAsync(source, force: true);
        return new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System).Run();
    }

    private string OneIdOf(string value) => _workspace.Database.Scalar<string>("SELECT oneid FROM identity_map WHERE value = $1", value)!;

    [Fact]
    public async Task Run_SamePersonAcrossSources_OneOneIdAndGoldenRecord()
    {
        var report = await RunAsync(
            "M1,13800138000,zhang@qq.com,张三,上海,男,1990-01-01,2024-01-01\n",
            "D1,138 0013 8000,小张,北京,M,view,2024-06-01\nD1,,小张,,,view,2024-06-02\n");

        report.Persons.ShouldBe(1);
        OneIdOf("D1").ShouldBe(OneIdOf("M1"));
        var person = _workspace.Rows("SELECT name, name__source, city, city__source, gender FROM dim_person")[0];
        person.ShouldBe(new object?[] { "张三", "crm", "北京", "app", "male" });
        report.Facts.Single(f => f.Fact == "events").Matched.ShouldBe(2);
    }

    [Fact]
    public async Task Run_TwoMembersClaimOnePhone_ConflictCutAndRecorded()
    {
        var report = await RunAsync(
            "M1,13800138000,,甲,,,,2024-01-01\nM2,13800138000,,乙,,,,2024-01-02\n", "");

        report.Conflicts.ShouldBe(1);
        OneIdOf("M1").ShouldNotBe(OneIdOf("M2"));
        _workspace.Rows("SELECT limited_type FROM identity_conflicts").ShouldBe([["member_no"]]);
    }

    [Fact]
    public async Task Run_BlocklistedValues_CreateNoEdges()
    {
        var report = await RunAsync(
            "M1,13800000000,a@test.com,甲,,,,2024-01-01\nM2,13800000000,a@test.com,乙,,,,2024-01-02\n", "");

        report.Conflicts.ShouldBe(0);
        report.Blocked.ShouldBe(4);
        report.Persons.ShouldBe(2);
    }

    [Fact]
    public async Task Run_SharedFamilyDevice_AttachesToOneMember()
    {
        await RunAsync(
            "M1,13800138001,,甲,,,,2024-01-01\nM2,13900139002,,乙,,,,2024-01-01\n",
            "IPAD,13800138001,,,,view,2024-02-01\nIPAD,13800138001,,,,view,2024-02-02\nIPAD,13900139002,,,,view,2024-02-03\n");

        OneIdOf("M1").ShouldNotBe(OneIdOf("M2"));
        OneIdOf("IPAD").ShouldBe(OneIdOf("M1"));
    }

    [Fact]
    public async Task Run_Twice_StableOneIds_AndMergeRecordedWhenLinked()
    {
        await RunAsync("M1,13800138001,,甲,,,,2024-01-01\n", "D9,13900139009,,,,view,2024-03-01\n");
        var member = OneIdOf("M1");
        var device = OneIdOf("D9");
        var again = new IdentityRunner(_workspace.Database, _workspace.Definition, TimeProvider.System).Run();
        OneIdOf("M1").ShouldBe(member);
        again.Merges.ShouldBe(0);

        // New rows link the app visitor to the member: the member's (older) OneID survives.
        var report = await RunAsync("M1,13800138001,,甲,,,,2024-01-01\nM1,13900139009,,甲,,,,2024-04-01\n", "D9,13900139009,,,,view,2024-03-01\n");

        OneIdOf("D9").ShouldBe(member);
        report.Merges.ShouldBe(1);
        _workspace.Rows("SELECT kind, oneid, other_oneid FROM identity_history").ShouldContain(r => (string)r[0]! == "merged" && (string)r[1]! == device && (string)r[2]! == member);
    }

    [Fact]
    public async Task Run_LinkRemoved_SplitRecorded()
    {
        await RunAsync("M1,13800138001,,甲,,,,2024-01-01\nM1,13900139009,,甲,,,,2024-02-01\n", "");
        var before = OneIdOf("+8613900139009");
        OneIdOf("M1").ShouldBe(before);

        // The CRM corrects the second row: that phone belongs to another member.
        var report = await RunAsync("M1,13800138001,,甲,,,,2024-01-01\nM2,13900139009,,乙,,,,2024-02-01\n", "");

        OneIdOf("M1").ShouldBe(before);
        OneIdOf("+8613900139009").ShouldNotBe(before);
        report.Splits.ShouldBe(1);
        _workspace.Rows("SELECT kind, oneid FROM identity_history WHERE other_oneid = $1", before)
            .ShouldBe([["split", OneIdOf("M2")]]);
    }

    [Fact]
    public async Task Run_GoldenRules_EachPicksItsValue()
    {
        await RunAsync(
            "M1,13800138001,,张三,上海,男,,2024-01-01\nM1,13800138001,,张小三,广州,女,1990-05-05,2024-06-01\n",
            "D1,13800138001,阿三,深圳,女,view,2024-03-01\n");

        var row = _workspace.Rows("SELECT name, city, gender, CAST(birthday AS VARCHAR), birthday__line FROM dim_person")[0];
        row[0].ShouldBe("张小三");      // source priority: crm first, most recent within it
        row[1].ShouldBe("广州");        // most recent across sources (2024-06-01)
        row[2].ShouldBe("female");     // most frequent (2 of 3)
        row[3].ShouldBe("1990-05-05"); // first non-empty
        row[4].ShouldBe(3L);           // and where it came from
    }

    [Fact]
    public async Task Run_FactsWithoutIdentifiers_KeptAndCounted()
    {
        var report = await RunAsync("M1,13800138001,,甲,,,,2024-01-01\n", "D1,,,,,view,2024-03-01\n,,,,,view,2024-03-02\n",
            "O1,M1,2024-05-01\nO2,M404,2024-05-02\nO3,,2024-05-03\n", "O1,SKU1\nO1,SKU2\nO3,SKU3\nO9,SKU9\n");

        var events = report.Facts.Single(f => f.Fact == "events");
        events.Rows.ShouldBe(2);
        events.Unmatched.ShouldBe(1);
        var orders = report.Facts.Single(f => f.Fact == "orders");
        orders.Rows.ShouldBe(3);
        orders.Unmatched.ShouldBe(1);
        var items = report.Facts.Single(f => f.Fact == "order_items");
        items.Rows.ShouldBe(4);
        items.Matched.ShouldBe(2);
        _workspace.Database.Scalar<string>("SELECT oneid FROM fact_order_items WHERE sku = 'SKU1'").ShouldBe(OneIdOf("M1"));
    }

    [Fact]
    public async Task Run_GiantComponent_StopsWithReportAndChangesNothing()
    {
        await RunAsync("M1,13800138001,,甲,,,,2024-01-01\n", "");
        var rows = string.Concat(Enumerable.Range(0, 12).Select(i => $"M7,,u{i}@qq.com,x,,,,2024-01-01\n"));
        var error = await Should.ThrowAsync<GiantComponentException>(() => RunAsync(rows, "", maxSize: 10));

        error.Message.ShouldContain("max_component_size");
        _workspace.Database.Scalar<long>("SELECT count(*) FROM identity_map WHERE value = 'M1'").ShouldBe(1);
    }

    [Fact]
    public async Task Profile_FindsPersonFromRawPhone()
    {
        await RunAsync("M1,13800138000,zhang@qq.com,张三,上海,男,1990-01-01,2024-01-01\n", "D1,138 0013 8000,小张,北京,M,view,2024-06-01\n");

        var profile = PersonProfile.Find(_workspace.Database, _workspace.Definition, "138-0013-8000").ShouldNotBeNull();

        profile.Identifiers.Select(i => i.Type).ShouldBe(["device_id", "email", "member_no", "phone"]);
        profile.Identifiers.Single(i => i.Type == "phone").Rows.ShouldBe(["app:2", "crm:2"]);
        profile.Golden.Single(g => g.Field == "name").Value.ShouldBe("张三");
        profile.Facts.Single(f => f.Fact == "events").Rows.ShouldBe(1);
        PersonProfile.Find(_workspace.Database, _workspace.Definition, "nobody").ShouldBeNull();
    }

    public void Dispose() => _workspace.Dispose();
}
