namespace TagCenter.Core.Models.Features;

/// <summary>
/// One feature of a learning model, for every person of a <see cref="FeatureTable"/>: numbers (NaN where the person
/// has no value) or texts (null where none). A bool tag is a number (0/1), so it is standardised like the others.
/// </summary>
public sealed record FeatureColumn(string Name, float[]? Numbers, string?[]? Texts)
{
    public bool IsNumeric => Numbers is not null;

    public static FeatureColumn Numeric(string name, float[] values) => new(name, values, null);

    public static FeatureColumn Categorical(string name, string?[] values) => new(name, null, values);
}
