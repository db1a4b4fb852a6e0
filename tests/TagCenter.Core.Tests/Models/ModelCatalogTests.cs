using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Models;

public sealed class ModelCatalogTests
{
    private static readonly TagCatalog Tags = TagCatalog.From(
    [
        Tag("RFM分层", "rfm_class", TagKind.Model, TagValueType.String),
        Tag("未来12个月CLV", "clv_12m", TagKind.Model, TagValueType.Decimal),
        Tag("偏好品类Top3", "top3_categories", TagKind.Model, TagValueType.List),
        Tag("活跃度", "activity", TagKind.Enum, TagValueType.String),
        Tag("流失概率", "churn", TagKind.Model, TagValueType.Decimal),
        Tag("累计消费金额", "spend", TagKind.Value, TagValueType.Decimal),
        Tag("偏好渠道", "preferred_channel", TagKind.Model, TagValueType.String),
        Tag("价格敏感度", "price_sensitivity", TagKind.Model, TagValueType.String),
    ]);

    private const string Preferences = """
        models:
          channel:
            kind: preference
            input: { fact: orders, category: channel, where: { status: paid } }
            parameters: { half_life_days: 90 }
            outputs: { first: 偏好渠道 }
          price:
            kind: preference
            input: { fact: orders, category: coupon_used, where: { status: paid } }
            parameters: { half_life_days: 90, share_of: "true", levels: { 高: 0.5, 中: 0.2, 低: 0 } }
            outputs: { level: 价格敏感度 }
          churn:
            kind: propensity
            input: { fact: orders, where: { status: paid } }
            label: { absent_within_days: 90 }
            features: [累计消费金额, 偏好渠道, 价格敏感度]
            outputs: { probability: 流失概率 }
        """;

    [Fact]
    public void Parse_PreferenceFirstAndLevel_ReadAndUsableAsFeatures()
    {
        // A preference tag is recomputed as of a cut-off, so unlike other model tags it can be a feature.
        var (models, diagnostics) = Read(Preferences);
        diagnostics.ShouldBeEmpty();
        models[0].Outputs["first"].ShouldBe("偏好渠道");
        models[1].Parameters.ShareOf.ShouldBe("true");
        models[1].Parameters.Levels.Select(l => (l.Label, l.From)).ShouldBe([("高", 0.5), ("中", 0.2), ("低", 0.0)]);
    }

    [Theory]
    [InlineData("share_of: \"true\", ", "", "share_of")]
    [InlineData("levels: { 高: 0.5, 中: 0.2, 低: 0 }", "levels: { 高: 1.5 }", "levels")]
    [InlineData(", levels: { 高: 0.5, 中: 0.2, 低: 0 }", "", "levels")]
    [InlineData("features: [累计消费金额, 偏好渠道, 价格敏感度]", "features: [累计消费金额, 未来12个月CLV]", "未来12个月CLV")]
    public void Parse_PreferenceMistake_Diagnostic(string from, string to, string mentions)
    {
        var diagnostics = Read(Preferences.Replace(from, to, StringComparison.Ordinal)).Diagnostics;
        diagnostics.ShouldContain(d => d.Message.Contains(mentions, StringComparison.Ordinal));
    }

    private const string Churn = """
        models:
          churn:
            kind: propensity
            input: { fact: orders, where: { status: paid } }
            label: { absent_within_days: 90 }
            population: 累计消费金额 > 0
            features: [累计消费金额, 活跃度]
            parameters: { holdout_percent: 25, threshold: 0.4 }
            outputs: { probability: 流失概率 }
        """;

    [Fact]
    public void Parse_Propensity_LabelFeaturesPopulation()
    {
        var (models, diagnostics) = Read(Churn);
        diagnostics.ShouldBeEmpty();
        var churn = models.ShouldHaveSingleItem();
        churn.Kind.ShouldBe(ModelKind.Propensity);
        churn.Label!.Kind.ShouldBe(ModelLabelKind.Absent);
        churn.Label.Days.ShouldBe(90);
        churn.Features.ShouldBe(["累计消费金额", "活跃度"]);
        churn.Population.ShouldBe("累计消费金额 > 0");
        (churn.Parameters.HoldoutPercent, churn.Parameters.Threshold).ShouldBe((25, 0.4));
    }

    [Theory]
    [InlineData("features: [累计消费金额, 活跃度]", "features: [累计消费金额, RFM分层]", "RFM分层")]
    [InlineData("features: [累计消费金额, 活跃度]", "features: [累计消费金, 活跃度]", "累计消费金额")]
    [InlineData("label: { absent_within_days: 90 }", "label: { absent_within_days: 90, within_days: 30 }", "absent_within_days")]
    [InlineData("label: { absent_within_days: 90 }", "label: { tag: 活跃度 }", "positive")]
    [InlineData("label: { absent_within_days: 90 }", "label: { tag: 活跃度, positive: [高] }\n    describe: [活跃度]", "describe")]
    [InlineData("threshold: 0.4", "threshold: 1.4", "threshold")]
    public void Parse_PropensityMistake_Diagnostic(string from, string to, string mentions)
    {
        var diagnostics = Read(Churn.Replace(from, to, StringComparison.Ordinal)).Diagnostics;
        diagnostics.ShouldNotBeEmpty();
        diagnostics.ShouldContain(d => d.Message.Contains(mentions, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TagLabel_NeedsNoInput()
    {
        var yaml = Churn.Replace("    input: { fact: orders, where: { status: paid } }\n", "", StringComparison.Ordinal)
            .Replace("label: { absent_within_days: 90 }", "label: { tag: 活跃度, positive: [高], negative: [低] }", StringComparison.Ordinal)
            .Replace("features: [累计消费金额, 活跃度]", "features: [累计消费金额]", StringComparison.Ordinal);
        var (models, diagnostics) = Read(yaml);
        diagnostics.ShouldBeEmpty();
        models.ShouldHaveSingleItem().Input.ShouldBeNull();
        models[0].Label!.Negative.ShouldBe(["低"]);
    }

    private const string Valid = """
        models:
          rfm:
            kind: rfm
            owner: 数据中心
            input: { fact: orders, amount: amount, where: { status: paid } }
            parameters: { window_days: 365, thresholds: { recency: [30, 90, 180, 365], frequency: [2, 3, 5, 8], monetary: [100, 300, 1000, 5000] } }
            outputs: { class: RFM分层 }
          clv:
            kind: clv
            input: { fact: orders, amount: amount }
            parameters: { time_unit: day, horizon_days: 365, discount_rate: 0.1, holdout_days: 90 }
            outputs: { clv: 未来12个月CLV }
          top3:
            kind: preference
            input: { fact: order_items, category: category }
            parameters: { half_life_days: 60, top: 3 }
            outputs: { top: 偏好品类Top3 }
        """;

    private static TagDefinition Tag(string name, string code, TagKind kind, TagValueType type) =>
        new() { Name = name, Code = code, Path = ["价值"], Kind = kind, Type = type, File = "tags/x.yaml", Rule = kind == TagKind.Model ? null : "1" };

    private static (IReadOnlyList<ModelDefinition> Models, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        var models = ModelFileParser.Parse("models/m.yaml", yaml, diagnostics);
        ModelCatalog.Check(models, Tags, diagnostics);
        return (models, diagnostics);
    }

    [Fact]
    public void Parse_ThreeKinds_Read()
    {
        var (models, diagnostics) = Read(Valid);
        diagnostics.ShouldBeEmpty();
        models.Select(m => m.Kind).ShouldBe([ModelKind.Rfm, ModelKind.Clv, ModelKind.Preference]);
        var rfm = models[0];
        rfm.Input!.Where["status"].ShouldBe("paid");
        rfm.Input.Time.ShouldBe("event_time");
        rfm.Parameters.WindowDays.ShouldBe(365);
        rfm.Parameters.Thresholds!.Monetary.ShouldBe([100, 300, 1000, 5000]);
        models[1].Parameters.UnitDays.ShouldBe(1);
        models[1].Parameters.HoldoutDays.ShouldBe(90);
        models[2].Parameters.HalfLifeDays.ShouldBe(60);
        models[2].Outputs["top"].ShouldBe("偏好品类Top3");
        (rfm.Line, rfm.Column).ShouldBe((2, 3));
    }

    [Fact]
    public void Check_UnknownTag_DiagnosticAtModelWithSuggestion()
    {
        var (_, diagnostics) = Read(Valid.Replace("class: RFM分层", "class: RFM分", StringComparison.Ordinal));
        var d = diagnostics.ShouldHaveSingleItem();
        (d.File, d.Line, d.Column).ShouldBe(("models/m.yaml", 2, 3));
        d.Message.ShouldContain("RFM分");
        d.Message.ShouldContain("RFM分层");
    }

    [Fact]
    public void Check_NonModelTag_Diagnostic()
    {
        var d = Read(Valid.Replace("class: RFM分层", "class: 活跃度", StringComparison.Ordinal)).Diagnostics.ShouldHaveSingleItem();
        d.Message.ShouldContain("活跃度");
        d.Message.ShouldContain("enum");
    }

    [Fact]
    public void Check_OutputOfWrongType_Diagnostic()
    {
        var d = Read(Valid.Replace("top: 偏好品类Top3", "top: 未来12个月CLV", StringComparison.Ordinal)).Diagnostics;
        d.ShouldContain(x => x.Message.Contains("list", StringComparison.Ordinal) && x.Line == 13);
    }

    [Theory]
    [InlineData("    owner: 数据中心", "    onwer: 数据中心", 4, 5, "owner")]
    [InlineData("frequency: [2, 3, 5, 8]", "frequency: [2, 3, 8, 5]", 6, 91, "frequency")]
    [InlineData("time_unit: day", "time_unit: month", 11, 30, "day, week")]
    [InlineData("kind: preference", "kind: clustering", 14, 11, "preference")]
    [InlineData("outputs: { top: 偏好品类Top3 }", "outputs: { best: 偏好品类Top3 }", 17, 14, "top")]
    public void Parse_Mistake_DiagnosticAtPosition(string from, string to, int line, int column, string mentions)
    {
        var diagnostics = Read(Valid.Replace(from, to, StringComparison.Ordinal)).Diagnostics;
        var d = diagnostics.ShouldHaveSingleItem();
        (d.Line, d.Column).ShouldBe((line, column));
        d.Message.ShouldContain(mentions);
    }
}

public sealed class SampleModelsTests
{
    [Fact]
    public void Load_RetailSample_ModelsFillingItsModelTags()
    {
        var root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "samples", "retail")))
            root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("samples/retail");
        var sample = Path.Combine(root, "samples", "retail");
        var models = ModelCatalog.Load(sample, TagCatalog.Load(sample));
        models.Models.Select(m => m.Name).ShouldBe(["rfm", "clv", "top3_categories", "preferred_channel", "price_sensitivity", "churn", "lookalike_high_value_silent", "clusters", "recommended_categories"]);
        models.Filling("未来12个月CLV")!.Value.Output.ShouldBe("clv");
        models.Filling("偏好渠道")!.Value.Output.ShouldBe("first");
        models.Filling("价格敏感度")!.Value.Output.ShouldBe("level");
        models.Filling("流失概率")!.Value.Model.Label.ShouldBe(new ModelLabel(ModelLabelKind.Absent, 90, null, [], []), new LabelComparer());
        // The lookalike's seed names a segment: it takes the segment's rule.
        models.Find("lookalike_high_value_silent")!.SeedRule.ShouldBe("累计消费金额 > 3000 and 生命周期阶段 = '沉默'");
    }

    private sealed class LabelComparer : IEqualityComparer<ModelLabel?>
    {
        public bool Equals(ModelLabel? x, ModelLabel? y) => x is not null && y is not null && x.Kind == y.Kind && x.Days == y.Days && x.Tag == y.Tag;

        public int GetHashCode(ModelLabel? obj) => 0;
    }
}
