namespace TagCenter.Core.Tags;

public enum TagKind
{
    /// <summary>A concrete value: age, city, total spend.</summary>
    Value,

    /// <summary>A value from an ordered, closed set: 高/中/低.</summary>
    Enum,

    /// <summary>A combination of other tags: 忠诚用户.</summary>
    Computed,

    /// <summary>The output of a model (RFM, CLV...), filled by the models stage.</summary>
    Model,
}
