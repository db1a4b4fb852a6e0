using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Activation;

public sealed class TriggerCatalogTests
{
    private static readonly TagCatalog Tags = TagCatalog.From([
        new TagDefinition { Name = "累计消费金额", Code = "total_spend", Path = ["交易"], Kind = TagKind.Value, Type = TagValueType.Decimal, Rule = "1", File = "tags/t.yaml" },
        new TagDefinition { Name = "城市", Code = "city", Path = ["基础"], Kind = TagKind.Value, Type = TagValueType.String, Rule = "'x'", File = "tags/t.yaml" },
    ]);

    private static readonly ActivationNames Names = new(["高价值沉默", "新客未下单"], Tags);

    private static (TriggerDefinition? Trigger, List<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var trigger = TriggerCatalog.ParseFile("triggers/t.yaml", "t", yaml, Names, diagnostics);
        return (trigger, diagnostics);
    }

    [Fact]
    public void ParseFile_EveryPart_Read()
    {
        var (trigger, diagnostics) = Parse("""
            name: 召回
            when:
              enters: 高价值沉默
            actions:
              - webhook: { url: "https://crm.example.com/hook", secret: CRM_SECRET, headers: { X-Source: tagcenter } }
              - task: { queue: 顾问跟进 }
            cap: 1 per 7d
            quiet_hours: "22:00-08:00"
            consent: marketing
            """);

        diagnostics.ShouldBeEmpty();
        trigger!.When.ShouldBe(new TriggerCondition { Kind = TriggerKind.Enters, Segment = "高价值沉默" });
        trigger.Actions.Select(a => a.Kind).ShouldBe([ActionKind.Webhook, ActionKind.Task]);
        trigger.Actions[0].Headers["X-Source"].ShouldBe("tagcenter");
        trigger.Actions[0].Destination.ShouldBe("webhook:crm.example.com");
        trigger.Cap.ShouldBe(new FrequencyCap(1, TimeSpan.FromDays(7)));
        trigger.QuietHours.ShouldBe(new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0)));
        trigger.Consent.ShouldBe("marketing");
    }

    [Theory]
    [InlineData("when: { leaves: 新客未下单 }", TriggerKind.Leaves)]
    [InlineData("when: { rule: \"累计消费金额 > 3000\" }", TriggerKind.Rule)]
    [InlineData("when: { tag: 累计消费金额, crosses: 3000 }", TriggerKind.Crosses)]
    [InlineData("when: { size_change: { segment: 高价值沉默, percent: 20 } }", TriggerKind.SizeChange)]
    [InlineData("when: { schedule: \"0 8 * * *\", segment: 高价值沉默, mode: delta }", TriggerKind.Schedule)]
    public void ParseFile_EachKind_Read(string when, TriggerKind kind)
    {
        var (trigger, diagnostics) = Parse(when + "\naction: { file: { folder: out, format: parquet } }\n");

        diagnostics.ShouldBeEmpty();
        trigger!.When.Kind.ShouldBe(kind);
    }

    [Theory]
    // line, column of the offending value; the message names the problem.
    [InlineData("when:\n  enters: 高价值沉默X\naction: { task: { queue: q } }\n", 2, 11, "高价值沉默X")]
    [InlineData("when: { enters: 高价值沉默 }\naction:\n  webhook: { url: \"ftp://x.example.com\" }\n", 3, 19, "ftp://")]
    [InlineData("when: { enters: 高价值沉默 }\naction:\n  webhook: { url: \"http://localhost:5080/x\" }\n", 3, 19, "localhost")]
    [InlineData("when: { enters: 高价值沉默 }\naction:\n  webhook: { url: \"http://127.0.0.1/x\" }\n", 3, 19, "127.0.0.1")]
    [InlineData("when: { enters: 高价值沉默 }\naction: { task: { queue: q } }\ncap: 0 per 7d\n", 3, 6, "0 per 7d")]
    [InlineData("when: { enters: 高价值沉默 }\naction: { task: { queue: q } }\ncap: often\n", 3, 6, "often")]
    [InlineData("when: { enters: 高价值沉默 }\naction: { task: { queue: q } }\nquiet_hours: \"25:00-08:00\"\n", 3, 14, "25:00")]
    [InlineData("when: { enters: 高价值沉默 }\naction: { task: { queue: q } }\nquiet_hours: \"08:00-08:00\"\n", 3, 14, "08:00-08:00")]
    [InlineData("when: { tag: 城市, crosses: 3 }\naction: { task: { queue: q } }\n", 1, 14, "城市")]
    [InlineData("when: { tag: 不存在, crosses: 3 }\naction: { task: { queue: q } }\n", 1, 14, "不存在")]
    [InlineData("when: { rule: \"累计消费金额 >\" }\naction: { task: { queue: q } }\n", 1, 24, "end")]
    public void ParseFile_BadInput_DiagnosticAtItsPlace(string yaml, int line, int column, string mentioned)
    {
        var (trigger, diagnostics) = Parse(yaml);

        trigger.ShouldBeNull();
        var d = diagnostics.ShouldHaveSingleItem();
        (d.Line, d.Column).ShouldBe((line, column), d.ToString());
        d.Message.ShouldContain(mentioned);
    }

    [Fact]
    public void ParseFile_LocalWebhookAllowed_Read()
    {
        var (trigger, diagnostics) = Parse("when: { enters: 高价值沉默 }\naction:\n  webhook: { url: \"http://127.0.0.1:9/x\", allow_local: true }\n");

        diagnostics.ShouldBeEmpty();
        trigger!.Actions[0].AllowLocal.ShouldBeTrue();
    }

    [Fact]
    public void ParseFile_TwoConditions_OneDiagnostic()
    {
        var (_, diagnostics) = Parse("when: { enters: 高价值沉默, leaves: 高价值沉默 }\naction: { task: { queue: q } }\n");

        diagnostics.ShouldHaveSingleItem().Line.ShouldBe(1);
    }
}
