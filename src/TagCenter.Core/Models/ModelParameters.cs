using TagCenter.Core.Models.Preferences;
using TagCenter.Core.Models.Rfm;

namespace TagCenter.Core.Models;

/// <summary>
/// A model's declared parameters; each kind reads its own (the parser allows only those). Days throughout, so a
/// window means the same in every model.
/// </summary>
public sealed record ModelParameters
{
    /// <summary>Only events this many days before the as-of time count (RFM, preferences); null: all of them.</summary>
    public int? WindowDays { get; init; }

    /// <summary>RFM: declared cut-offs; null scores by quintiles.</summary>
    public RfmThresholds? Thresholds { get; init; }

    /// <summary>CLV: the unit x, t_x and T are counted in: 1 (day) or 7 (week).</summary>
    public int UnitDays { get; init; } = 7;

    public int HorizonDays { get; init; } = 365;

    public int Periods { get; init; } = 12;

    public double DiscountRate { get; init; } = 0.1;

    /// <summary>CLV: the last days before the as-of time held out to check the fit (0: no check).</summary>
    public int HoldoutDays { get; init; }

    /// <summary>CLV: the optimiser's iteration budget (BFGS-B; its Nelder-Mead fallback gets ten times as many).</summary>
    public int MaxIterations { get; init; } = 1_000;

    public double HalfLifeDays { get; init; } = 90;

    public int Top { get; init; } = 3;

    /// <summary>Preferences: weigh events by the amount column instead of counting them.</summary>
    public bool WeightByAmount { get; init; }

    /// <summary>Preferences: the category whose share of the decayed weight the <c>share</c> and <c>level</c> outputs give (<c>true</c> for a bool column).</summary>
    public string? ShareOf { get; init; }

    /// <summary>Preferences: the labels of that share (<c>level</c>), each from a lower bound.</summary>
    public IReadOnlyList<PreferenceLevel> Levels { get; init; } = [];

    /// <summary>Propensity and lookalike: the percent of persons held out (the next as many validate the learner choice).</summary>
    public int HoldoutPercent { get; init; } = 20;

    /// <summary>Propensity and lookalike: the probability from which a person counts as predicted positive (precision/recall).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Clusters: the range of k tried; the silhouette chooses.</summary>
    public int KMin { get; init; } = 2;

    public int KMax { get; init; } = 8;

    /// <summary>Clusters: how many persons the silhouette is computed on (it is quadratic).</summary>
    public int SampleSize { get; init; } = 2000;
}
