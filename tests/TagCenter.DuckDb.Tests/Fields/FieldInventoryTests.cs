using Shouldly;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Fields;

namespace TagCenter.DuckDb.Tests.Fields;

/// <summary>
/// A ten-row source whose figures were counted by hand: eleven lines read, one duplicate quarantined, one phone
/// nulled by cleansing; name_copy repeats name, country is constant, note is empty.
/// </summary>
public sealed class FieldInventoryTests : IDisposable
{
    private const string Yaml = """
        name: test
        identity:
          golden:
            name: { rule: source_priority, from: [members.name] }
        sources:
          members:
            kind: csv
            path: members.csv
            dedupe: [member_no]
            columns:
              member_no: { required: true, identifier: member_no }
              name: {}
              name_copy: {}
              country: {}
              tier: {}
              phone: { type: phone, identifier: phone, on_invalid: "null" }
              note: {}
        """;

    private const string Csv = """
        member_no,name,name_copy,country,tier,phone,note
        M01,张三,张三,CN,金卡,13800138001,
        M02,李四,李四,CN,银卡,13800138002,
        M03,王五,王五,CN,金卡,bad,
        M04,,,CN,普通,13800138004,
        M05,赵六,赵六,CN,金卡,,
        M06,张三,张三,CN,银卡,13800138006,
        M07,钱七,钱七,CN,金卡,13800138007,
        M08,孙八,孙八,CN,普通,13800138008,
        M09,李四,李四,CN,银卡,13800138009,
        M10,周九,周九,CN,金卡,13800138010,
        M01,张三,张三,CN,金卡,13800138001,

        """;

    private readonly TestWorkspace _workspace = new();

    private async Task<Dictionary<string, FieldProfile>> InventoryAsync(long exactBelow = FieldInventory.DefaultExactBelow)
    {
        _workspace.WithFile("members.csv", Csv).WithYaml(Yaml);
        (await _workspace.LoadAsync("members")).Loaded.ShouldBe(10);
        var report = FieldInventory.Build(_workspace.Database, _workspace.Definition, TagCatalog.Load(_workspace.Root), new DateTime(2026, 11, 1), exactBelow);
        return report.Fields.ToDictionary(f => f.Column);
    }

    [Fact]
    public async Task Build_HandCountedTable_NullSharesAndDistinctCounts()
    {
        var fields = await InventoryAsync();

        fields.Keys.ShouldBe(["member_no", "name", "name_copy", "country", "tier", "phone", "note"]);
        fields["member_no"].Stats.Rows.ShouldBe(10);
        fields["member_no"].Stats.Distinct.ShouldBe(10);
        fields["name"].NullShare.ShouldBe(0.1);               // M04
        fields["name"].Stats.Distinct.ShouldBe(7);            // 张三 李四 王五 赵六 钱七 孙八 周九
        fields["name"].Stats.DistinctExact.ShouldBeTrue();
        fields["phone"].NullShare.ShouldBe(0.2);              // M03 nulled, M05 empty
        fields["phone"].Stats.Distinct.ShouldBe(8);
        fields["note"].NullShare.ShouldBe(1.0);
        fields["tier"].Stats.Top.ShouldBe([new ValueCount("金卡", 5), new ValueCount("银卡", 3), new ValueCount("普通", 2)]);
        fields["phone"].Stats.Min.ShouldBe("+8613800138001");
    }

    [Fact]
    public async Task Build_HandCountedTable_CleansingSharesOfTheLinesRead()
    {
        var fields = await InventoryAsync();

        fields["member_no"].Quarantined.ShouldBe(1.0 / 11, 1e-9); // the duplicate M01 of 11 lines read
        fields["phone"].Nulled.ShouldBe(1.0 / 11, 1e-9);          // 'bad'
        fields["name"].Quarantined.ShouldBe(0);
    }

    [Fact]
    public async Task Build_HandCountedTable_CopyConstantAndEmptyAreRedundant()
    {
        var fields = await InventoryAsync();

        fields["member_no"].Class.ShouldBe(FieldClass.Core);
        fields["member_no"].Usage.Identifier.ShouldBe("member_no");
        fields["name"].Class.ShouldBe(FieldClass.Core);
        fields["name"].Usage.Golden.ShouldBe(["name"]);
        fields["name_copy"].Class.ShouldBe(FieldClass.Redundant);
        fields["name_copy"].Stats.Copies.ShouldContain(new FieldCopy("name", 1.0));
        fields["name_copy"].Evidence.ShouldHaveSingleItem().ShouldContain("name");
        fields["country"].Class.ShouldBe(FieldClass.Redundant);
        fields["country"].Evidence.ShouldHaveSingleItem().ShouldContain("CN");
        fields["note"].Class.ShouldBe(FieldClass.Redundant);
        fields["tier"].Class.ShouldBe(FieldClass.Auxiliary);
        fields["member_no"].Usage.DedupeKey.ShouldBeTrue();
    }

    [Fact]
    public async Task Build_AboveTheExactThreshold_DistinctIsAnEstimateAndSaysSo()
    {
        var fields = await InventoryAsync(exactBelow: 5);

        fields["name"].Stats.DistinctExact.ShouldBeFalse();    // 7 distinct ≥ 5: HyperLogLog
        fields["name"].Stats.Distinct.ShouldBeInRange(6, 8);
        fields["name"].Stats.Top.ShouldBeEmpty();
        fields["tier"].Stats.DistinctExact.ShouldBeTrue();
        fields["tier"].Stats.Distinct.ShouldBe(3);
    }

    [Fact]
    public void Build_BlankAndEmptyText_CountedAsEmptyNotAsValues()
    {
        _workspace.WithYaml("sources: {}");
        _workspace.Database.Execute("""
            CREATE TABLE fact_visits AS SELECT * FROM (VALUES ('P1', ''), ('P2', '   '), ('P3', ' x'), ('P4', NULL), ('P5', '!')) t(oneid, note)
            """);

        var note = FieldInventory.Build(_workspace.Database, _workspace.Definition, TagCatalog.Load(_workspace.Root), new DateTime(2026, 11, 1))
            .Fields.Single(f => f.Column == "note");

        note.Stats.Empty.ShouldBe(2);
        note.Stats.Nulls.ShouldBe(1);
        note.EmptyShare.ShouldBe(0.4);
    }

    public void Dispose() => _workspace.Dispose();
}
