namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, which the BG/NBD expectations need and
/// MathNet.Numerics does not provide. When c − a − b &lt; 0 the plain series starts with terms that grow with the
/// customer's purchase count, so Euler's transformation ₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) is summed instead.
/// </summary>
internal static class Hypergeometric
{
    private const int MaxTerms = 1_000_000;

    public static double F21(double a, double b, double c, double z)
    {
        if (z is < 0 or >= 1 || double.IsNaN(z))
            throw new ArgumentOutOfRangeException(nameof(z), z, "2F1 is summed for 0 <= z < 1 only");
        return c - a - b < 0 ? Math.Pow(1 - z, c - a - b) * Series(c - a, c - b, c, z) : Series(a, b, c, z);
    }

    private static double Series(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (var j = 0; j < MaxTerms; j++)
        {
            term *= (a + j) * (b + j) / ((c + j) * (j + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum))
                return sum;
        }
        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge");
    }
}
