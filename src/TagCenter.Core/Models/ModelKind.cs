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

    /// <summary>A classifier's probability of a label (an event after a cut-off, or a tag) from feature tags.</summary>
    Propensity,

    /// <summary>Similarity to a seed segment: a classifier of seed against everyone else over feature tags.</summary>
    Lookalike,

    /// <summary>K-means clusters over feature tags, named by what stands out in each.</summary>
    Cluster,

    /// <summary>Items not yet bought, ranked by how often they share a basket with what was bought.</summary>
    Recommendation,
}
