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
    ]);

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
    [InlineData("kind: preference", "kind: cluster", 14, 11, "preference")]
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
    public void Load_RetailSample_ThreeModelsFillingItsModelTags()
    {
        var root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "samples", "retail")))
            root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("samples/retail");
        var sample = Path.Combine(root, "samples", "retail");
        var models = ModelCatalog.Load(sample, TagCatalog.Load(sample));
        models.Models.Select(m => m.Name).ShouldBe(["rfm", "clv", "top3_categories"]);
        models.Filling("未来12个月CLV")!.Value.Output.ShouldBe("clv");
    }
}
