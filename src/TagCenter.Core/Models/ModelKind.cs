namespace TagCenter.Core.Models;

/// <summary>The kinds of model a workspace can declare under models/.</summary>
public enum ModelKind
{
    /// <summary>Recency/frequency/monetary scores and the eight RFM classes.</summary>
    Rfm,

    /// <summary>BG/NBD + Gamma-Gamma customer lifetime value.</summary>
    Clv,

    /// <summary>Time-decayed top-N of a categorical column.</summary>
    Preference,
}
