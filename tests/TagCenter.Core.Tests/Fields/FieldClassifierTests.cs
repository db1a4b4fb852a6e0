using Shouldly;
using TagCenter.Core.Fields;

namespace TagCenter.Core.Tests.Fields;

public sealed class FieldClassifierTests
{
    private static FieldStats Stats(string column, long nulls = 0, long distinct = 5, params FieldCopy[] copies) => new()
    {
        Table = "src_t",
        Column = column,
        SqlType = "VARCHAR",
        Rows = 100,
        Nulls = nulls,
        Distinct = distinct,
        DistinctExact = true,
        Min = "a",
        Copies = copies,
    };

    private static Dictionary<string, FieldProfile> Classify(IReadOnlyList<FieldStats> table, params string[] used) =>
        FieldClassifier.Classify(table, c => used.Contains(c) ? new FieldUsage(null, [], ["某标签"]) : FieldUsage.None, _ => (0, 0), "t")
            .ToDictionary(p => p.Column);

    [Fact]
    public void Classify_UsedColumn_CoreWithTheTagsAsEvidence()
    {
        var fields = Classify([Stats("level")], "level");

        fields["level"].Class.ShouldBe(FieldClass.Core);
        fields["level"].Evidence.ShouldHaveSingleItem().ShouldContain("某标签");
    }

    [Fact]
    public void Classify_EmptyAndConstant_Redundant()
    {
        var fields = Classify([Stats("empty", nulls: 100, distinct: 0), Stats("constant", distinct: 1)]);

        fields["empty"].Class.ShouldBe(FieldClass.Redundant);
        fields["constant"].Class.ShouldBe(FieldClass.Redundant);
    }

    [Fact]
    public void Classify_TwoUnusedCopies_FirstAuxiliarySecondRedundant()
    {
        var fields = Classify([Stats("a", copies: new FieldCopy("b", 0.995)), Stats("b", copies: new FieldCopy("a", 0.995))]);

        fields["a"].Class.ShouldBe(FieldClass.Auxiliary);
        fields["b"].Class.ShouldBe(FieldClass.Redundant);
        fields["b"].Evidence.ShouldHaveSingleItem().ShouldContain("a");
    }

    [Fact]
    public void Classify_CopyOfALaterCoreColumn_RedundantAndTheCoreStaysCore()
    {
        var fields = Classify([Stats("copy", copies: new FieldCopy("orig", 1.0)), Stats("orig", copies: new FieldCopy("copy", 1.0))], "orig");

        fields["copy"].Class.ShouldBe(FieldClass.Redundant);
        fields["orig"].Class.ShouldBe(FieldClass.Core);
    }

    [Fact]
    public void Classify_AgreementBelow99Percent_NotACopy()
    {
        var fields = Classify([Stats("a"), Stats("b", copies: new FieldCopy("a", 0.98))]);

        fields["b"].Class.ShouldBe(FieldClass.Auxiliary);
    }

    [Fact]
    public void Classify_UnusedDedupeKey_AuxiliarySayingItIsTheKey()
    {
        Text.Texts.Current = Text.Language.En;

        var profile = FieldClassifier.Classify([Stats("order_id")], _ => FieldUsage.None with { DedupeKey = true }, _ => (0, 0), "t").Single();

        profile.Class.ShouldBe(FieldClass.Auxiliary);
        profile.Evidence.ShouldContain("the source is deduplicated on it");
    }

    [Fact]
    public void Classify_ThinlyFilledUnusedColumn_AuxiliarySayingSo()
    {
        Text.Texts.Current = Text.Language.En;

        var fields = Classify([Stats("rare", nulls: 90)]);

        fields["rare"].Class.ShouldBe(FieldClass.Auxiliary);
        fields["rare"].Evidence.ShouldHaveSingleItem().ShouldContain("only 10%");
    }
}
