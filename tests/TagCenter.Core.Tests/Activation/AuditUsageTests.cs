using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class AuditUsageTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Count_HandExample()
    {
        // 活跃度: read 3 + 4 times (two flushes), exported with the 高价值 segment by the API and in an `export tags` of the CLI
        // → 7 reads, 2 exports, last on day 3. 性别: one export (the CLI's) on day 3. 高价值: 2 reads, 1 export, last day 2.
        var rows = new[]
        {
            new AuditUse("tag.read", "活跃度", """{"reads":3}""", Day1),
            new AuditUse("tag.read", "活跃度", """{"reads":4}""", Day1.AddHours(1)),
            new AuditUse("segment.read", "高价值", """{"reads":2}""", Day1),
            new AuditUse("segment.export", "高价值", """{"format":"csv","seq":3,"rows":10,"tags":["活跃度"]}""", Day1.AddDays(1)),
            new AuditUse("export", "tags", """{"tags":["活跃度","性别"]}""", Day1.AddDays(2)),
            new AuditUse("segment.create", "高价值", "x", Day1.AddDays(5)),
        };

        var tally = AuditUsage.Count(rows);

        tally.Tag("活跃度").ShouldBe(new UseCount(7, 2, Day1.AddDays(2)));
        tally.Tag("性别").ShouldBe(new UseCount(0, 1, Day1.AddDays(2)));
        tally.Segment("高价值").ShouldBe(new UseCount(2, 1, Day1.AddDays(1)));
        tally.Tag("年龄段").ShouldBe(UseCount.None);
    }

    [Fact]
    public void Count_IgnoresAfterStatesThatAreNotTheExpectedJson()
    {
        var rows = new[]
        {
            new AuditUse("tag.read", "活跃度", "not json", Day1),
            new AuditUse("tag.read", "活跃度", """{"reads":"many"}""", Day1),
            new AuditUse("tag.read", "活跃度", """{"reads":-2}""", Day1),
            new AuditUse("segment.export", "高价值", null, Day1),
            new AuditUse("export", "tags", """{"tags":"活跃度"}""", Day1),
        };

        var tally = AuditUsage.Count(rows);

        tally.Tags.ShouldBeEmpty();
        tally.Segment("高价值").ShouldBe(new UseCount(0, 1, Day1));
    }
}
