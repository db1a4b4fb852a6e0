using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Fields;

public sealed class TagSuggesterTests
{
    [Fact]
    public void Suggest_NumberOnAFact_SumCountAverageOverThreeWindowsAndBands()
    {
        var (suggestions, skipped) = TagSuggester.Suggest(new FieldFacts { Source = "orders", Column = "amount", Fact = "orders", Type = TagValueType.Decimal, Terciles = (100, 500) });

        skipped.ShouldBeNull();
        suggestions.Select(s => s.Code).ShouldBe([
            "orders_amount_sum_30d", "orders_amount_count_30d", "orders_amount_avg_30d",
            "orders_amount_sum_90d", "orders_amount_count_90d", "orders_amount_avg_90d",
            "orders_amount_sum_365d", "orders_amount_count_365d", "orders_amount_avg_365d", "orders_amount_sum_365d_band"]);
        suggestions[0].Rule.ShouldBe("sum('orders', amount, within: 30d)");
        suggestions[^1].Kind.ShouldBe(TagKind.Enum);
        suggestions[^1].Rule.ShouldContain(">= 500 then");
        suggestions.ShouldAllBe(s => s.Definition.Contains(" / "));  // 口径 in Chinese and English
    }

    [Fact]
    public void Suggest_FewValuedGoldenText_EnumFromTheFieldInFrequencyOrder()
    {
        var (suggestions, _) = TagSuggester.Suggest(new FieldFacts { Source = "crm", Column = "level", Golden = "level", Type = TagValueType.String, Values = ["普通", "银卡", "金卡"] });

        var tag = suggestions.ShouldHaveSingleItem();
        tag.FromGolden.ShouldBeTrue();
        tag.Rule.ShouldBe("level");
        tag.Kind.ShouldBe(TagKind.Enum);
        tag.Values.ShouldBe(["普通", "银卡", "金卡"]);
    }

    [Fact]
    public void Suggest_FewValuedFactText_MostFrequentOverAYear()
    {
        var (suggestions, _) = TagSuggester.Suggest(new FieldFacts { Source = "orders", Column = "channel", Fact = "orders", Type = TagValueType.String, Values = ["app", "web"] });

        suggestions.ShouldHaveSingleItem().Rule.ShouldBe("most('orders', channel, within: 365d)");
    }

    [Fact]
    public void Suggest_EventTime_LatestAndDaysSince()
    {
        var (suggestions, _) = TagSuggester.Suggest(new FieldFacts { Source = "orders", Column = "paid_at", Fact = "orders", Type = TagValueType.Timestamp, IsEventTime = true });

        suggestions.Select(s => s.Rule).ShouldBe(["max('orders', paid_at)", "days_since('orders')"]);
    }

    [Fact]
    public void Suggest_Flag_ShareOver90Days()
    {
        var (suggestions, _) = TagSuggester.Suggest(new FieldFacts { Source = "orders", Column = "coupon_used", Fact = "orders", Type = TagValueType.Bool });

        suggestions.ShouldHaveSingleItem().Code.ShouldBe("orders_coupon_used_share_90d");
    }

    [Theory]
    [InlineData(TagValueType.String, null, "suggest.skip.manyvalues")]
    [InlineData(TagValueType.String, "only", "suggest.skip.single")]
    public void Suggest_UnsuitableText_SkippedWithTheReason(TagValueType type, string? single, string reason)
    {
        var (suggestions, skipped) = TagSuggester.Suggest(new FieldFacts
        {
            Source = "orders",
            Column = "note",
            Fact = "orders",
            Type = type,
            Values = single is null ? null : [single],
        });

        suggestions.ShouldBeEmpty();
        skipped.ShouldBe(reason);
    }

    [Fact]
    public void Suggest_NeitherFactNorGolden_Unreachable()
    {
        TagSuggester.Suggest(new FieldFacts { Source = "crm", Column = "points", Type = TagValueType.Int }).Skipped.ShouldBe("suggest.skip.unreachable");
    }

    [Theory]
    [InlineData(new[] { "orders", "Paid At", "sum_30d" }, "orders_paid_at_sum_30d")]
    [InlineData(new[] { "订单", "金额" }, "f_")]
    [InlineData(new[] { "9lives" }, "f_9lives")]
    public void Snake_FieldNames_ValidCodes(string[] parts, string code)
    {
        var snake = TagCodes.Snake(parts);

        snake.ShouldStartWith(code);
        snake.ShouldMatch("^[a-z][a-z0-9_]{0,62}$");
    }

    [Fact]
    public void Unique_TakenCode_FirstFreeSuffix()
    {
        var taken = new HashSet<string> { "spend", "spend_2" };

        TagCodes.Unique("spend", taken).ShouldBe("spend_3");
        taken.ShouldContain("spend_3");
        TagCodes.Unique(new string('a', 63), taken).Length.ShouldBe(63);
        TagCodes.Unique(new string('a', 63), taken).ShouldEndWith("_2");
    }

    [Fact]
    public void Write_Suggestions_ReadBackByTheCatalogAsDrafts()
    {
        var (suggestions, _) = TagSuggester.Suggest(new FieldFacts { Source = "orders", Column = "channel", Fact = "orders", Type = TagValueType.String, Values = ["a\"pp", "w\\eb"] });
        var (golden, _) = TagSuggester.Suggest(new FieldFacts { Source = "crm", Column = "level", Golden = "level", Type = TagValueType.String, Values = ["金卡", "普通"] });
        var diagnostics = new List<Diagnostic>();

        var read = TagCatalog.ParseFile("tags/suggested/orders.yaml", SuggestionYaml.Write("orders", [.. suggestions, .. golden]), diagnostics);

        diagnostics.ShouldBeEmpty();
        read.Count.ShouldBe(2);
        read[0].Values.ShouldBe(["a\"pp", "w\\eb"]);
        read[0].Rule.ShouldBe("most('orders', channel, within: 365d)");
        read[0].Status.ShouldBe("draft");
        read[1].Rule.ShouldBe("level");
        read[1].Definition.ShouldBe(golden[0].Definition);
    }
}
