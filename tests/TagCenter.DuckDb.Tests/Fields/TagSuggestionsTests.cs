using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Fields;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Fields;

/// <summary>Suggestions on a small hand-made model: they compile, they run, and they agree with hand-written rules.</summary>
public sealed class TagSuggestionsTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1);
    private readonly TestWorkspace _workspace = new();

    public TagSuggestionsTests()
    {
        _workspace.WithYaml("""
            identity:
              golden:
                level: { rule: source_priority, from: [crm.level] }
            sources:
              crm:
                kind: csv
                path: crm.csv
                columns:
                  member_no: { identifier: member_no }
                  level: {}
                  points: { type: int }
              orders:
                kind: csv
                path: orders.csv
                fact: orders
                event_time: paid_at
                columns:
                  member_no: { identifier: member_no }
                  amount: { type: decimal }
                  channel: {}
                  coupon_used: { type: bool }
                  paid_at: { type: timestamp }
            """);
        _workspace.Database.Execute("""
            CREATE TABLE dim_person AS SELECT * FROM (VALUES ('P1', '金卡'), ('P2', '普通'), ('P3', '普通')) t(oneid, level);
            CREATE TABLE fact_orders AS SELECT * FROM (VALUES
                ('P1', TIMESTAMP '2026-10-20 10:00:00', 'M1', 100.00, 'app', true),
                ('P1', TIMESTAMP '2026-10-25 10:00:00', 'M1', 50.00, 'app', false),
                ('P1', TIMESTAMP '2026-03-01 10:00:00', 'M1', 300.00, 'web', false),
                ('P2', TIMESTAMP '2026-09-01 10:00:00', 'M2', 80.00, 'app', true),
                ('P2', TIMESTAMP '2026-11-05 10:00:00', 'M2', 999.00, 'mini', true),
                (NULL, TIMESTAMP '2026-10-01 10:00:00', NULL, 5.00, 'web', false)) t(oneid, event_time, member_no, amount, channel, coupon_used);
            ALTER TABLE fact_orders ADD COLUMN paid_at TIMESTAMP;
            UPDATE fact_orders SET paid_at = event_time;
            """);
    }

    private TagSuggestionReport Suggest(params string[] fields) =>
        TagSuggestions.Build(_workspace.Database, _workspace.Definition, TagCatalog.Load(_workspace.Root), fields, AsOf);

    private void Write(TagSuggestionReport report)
    {
        foreach (var (source, yaml) in report.Files)
            _workspace.WithFile(SuggestionYaml.RelativePath(source), yaml);
    }

    [Fact]
    public void Build_FactAndGoldenFields_EverySuggestionCompilesAndRuns()
    {
        var report = Suggest("orders.amount", "orders.channel", "orders.coupon_used", "orders.paid_at", "crm.level");
        Write(report);

        report.Skipped.ShouldBeEmpty();
        report.Suggestions.Count.ShouldBe(15); // 9 windows + band, most, share, latest, days since, level
        var run = new TagRunner(_workspace.Database, TimeProvider.System).Run(TagCatalog.Load(_workspace.Root), AsOf);
        run.Tags.Count.ShouldBe(15);
        run.Tags.ShouldAllBe(t => t.Violations == 0);
    }

    [Fact]
    public void Build_SuggestedSum_SameValuesAsAHandWrittenRule()
    {
        Write(Suggest("orders.amount"));
        _workspace.WithFile("tags/hand.yaml", """
            path: 手写
            tags:
              近90天消费:
                code: hand_spend_90d
                type: decimal
                rule: >-
                  sum('orders', amount, within: 90d)
            """);

        new TagRunner(_workspace.Database, TimeProvider.System).Run(TagCatalog.Load(_workspace.Root), AsOf);

        var rows = _workspace.Rows("SELECT oneid, orders_amount_sum_90d, hand_spend_90d FROM person_tags ORDER BY oneid");
        rows.Select(r => r[1]).ShouldBe(rows.Select(r => r[2]));
        rows.Select(r => r[1]).ShouldBe([150.00m, 80.00m, null]); // P1 10-20 + 10-25; P2 09-01 (11-05 is after the as-of date); P3 none
    }

    [Fact]
    public void Build_FewValuedText_ValuesInFrequencyOrder()
    {
        var report = Suggest("orders.channel", "crm.level");

        report.Suggestions[0].Values.ShouldBe(["app", "web", "mini"]); // 3 · 2 · 1 rows
        report.Suggestions[1].Values.ShouldBe(["普通", "金卡"]);
        report.Suggestions[1].FromGolden.ShouldBeTrue();
    }

    [Fact]
    public void Build_CodeTakenByAnotherTag_RenamedWithASuffix()
    {
        _workspace.WithFile("tags/mine.yaml", """
            path: 已有
            tags:
              别的标签:
                code: orders_amount_sum_30d
                type: int
                rule: >-
                  count('orders')
            """);

        var report = Suggest("orders.amount");

        report.Suggestions[0].Code.ShouldBe("orders_amount_sum_30d_2");
        report.Suggestions.Select(s => s.Code).ShouldBeUnique();
    }

    [Fact]
    public void Build_SameRuleAlreadyATag_SkippedNamingIt()
    {
        _workspace.WithFile("tags/mine.yaml", "path: 已有\ntags:\n  等级: { code: level, kind: enum, type: string, values: [金卡, 普通], from: level }\n");

        var report = Suggest("crm.level");

        report.Suggestions.ShouldBeEmpty();
        report.Skipped.ShouldHaveSingleItem().Reason.ShouldContain("等级");
    }

    [Fact]
    public void Build_SuggestingAgain_ReplacesItsOwnFileInsteadOfColliding()
    {
        Write(Suggest("orders.amount"));

        var again = Suggest("orders.amount");

        again.Suggestions[0].Code.ShouldBe("orders_amount_sum_30d");
    }

    [Theory]
    [InlineData("orders.amout", "did you mean 'amount'")]
    [InlineData("order.amount", "did you mean 'orders'")]
    [InlineData("amount", "source.column")]
    public void Build_UnknownField_NotFoundWithAHint(string field, string hint)
    {
        Core.Text.Texts.Current = Core.Text.Language.En;

        Should.Throw<NotFoundException>(() => Suggest(field)).Message.ShouldContain(hint);
    }

    [Fact]
    public void Build_IdentifierAndUnreachableColumns_SkippedWithReasons()
    {
        var report = Suggest("crm.member_no", "crm.points");

        report.Suggestions.ShouldBeEmpty();
        report.Skipped.Select(s => s.Field).ShouldBe(["crm.member_no", "crm.points"]);
    }

    public void Dispose() => _workspace.Dispose();
}
