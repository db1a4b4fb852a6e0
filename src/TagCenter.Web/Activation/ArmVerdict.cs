namespace TagCenter.Web.Activation;

/// <summary>What an arm's 95% interval says against the holdout: above zero, below zero, or spanning it.</summary>
public enum ArmVerdict
{
    Holdout,
    Better,
    Worse,
    Unclear,
}
