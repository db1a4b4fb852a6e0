namespace TagCenter.Core.Models.Clv;

/// <summary>
/// The four BG/NBD parameters (Fader, Hardie &amp; Lee 2005): purchase rates are Gamma(r, α) across customers,
/// drop-out probabilities after each purchase are Beta(a, b).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    public bool IsFinite => double.IsFinite(R) && double.IsFinite(Alpha) && double.IsFinite(A) && double.IsFinite(B)
        && R > 0 && Alpha > 0 && A > 0 && B > 0;
}
