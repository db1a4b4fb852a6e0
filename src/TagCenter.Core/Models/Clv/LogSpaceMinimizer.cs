using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Minimises a negative log-likelihood over unconstrained (log or logit) parameters with MathNet's bounded BFGS
/// (BFGS-B), with the caller's analytic gradient when it has one (central differences otherwise). When BFGS-B does not converge (a flat ridge, a line search that
/// cannot progress) MathNet's Nelder-Mead simplex restarts from the same point and BFGS-B polishes what it finds;
/// only when both fail is the fit reported as not converging. The box ±20 keeps the special functions accurate; an
/// optimum on its edge is a degenerate fit and reported as such, except on the coordinates the caller declares may
/// rest there (a concentration whose limit is a valid model).
/// </summary>
internal static class LogSpaceMinimizer
{
    public const double Bound = 20;

    private const double Step = 1e-5;

    /// <summary>The point found, the negative log-likelihood there, the iterations and which optimiser found it.</summary>
    public sealed record Result(Vector<double> Point, double Value, int Iterations, string Method);

    /// <param name="withGradient">The negative log-likelihood and its gradient in one pass; null for central differences.</param>
    public static Result Minimize(string model, Func<Vector<double>, double> negativeLogLikelihood, double[] start, int maxIterations,
        double[]? upper = null, bool[]? mayRestOnUpper = null, Func<Vector<double>, (double Value, Vector<double> Gradient)>? withGradient = null)
    {
        var n = start.Length;
        var lower = Vector<double>.Build.Dense(n, -Bound);
        var high = Vector<double>.Build.DenseOfArray(upper ?? Enumerable.Repeat(Bound, n).ToArray());
        Vector<double> Clamp(Vector<double> v) => Vector<double>.Build.Dense(n, i => Math.Clamp(v[i], lower[i], high[i]));
        double Value(Vector<double> v)
        {
            var value = negativeLogLikelihood(Clamp(v));
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        Vector<double> Gradient(Vector<double> v)
        {
            var gradient = Vector<double>.Build.Dense(n);
            for (var i = 0; i < n; i++)
            {
                var up = v.Clone();
                up[i] = Math.Min(up[i] + Step, high[i]);
                var down = v.Clone();
                down[i] = Math.Max(down[i] - Step, lower[i]);
                gradient[i] = (Value(up) - Value(down)) / (up[i] - down[i]);
            }
            return gradient;
        }
        (double, Vector<double>) Analytic(Vector<double> v)
        {
            var (value, gradient) = withGradient!(Clamp(v));
            // Outside the likelihood's finite region the line search only needs a value to back off from.
            return double.IsFinite(value) && gradient.All(double.IsFinite) ? (value, gradient) : (Value(v), Gradient(v));
        }
        IObjectiveFunction Objective() => withGradient is null ? ObjectiveFunction.Gradient(Value, Gradient) : ObjectiveFunction.Gradient(Analytic);
        Result? Bfgs(Vector<double> from)
        {
            try
            {
                var r = new BfgsBMinimizer(1e-5, 1e-10, 1e-12, maxIterations)
                    .FindMinimum(Objective(), lower, high, Clamp(from));
                return new Result(r.MinimizingPoint, r.FunctionInfoAtMinimum.Value, r.Iterations, "bfgs-b");
            }
            catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
            {
                return null;
            }
        }
        var result = Bfgs(Vector<double>.Build.DenseOfArray(start)) ?? Fallback(model, Value, Clamp, Bfgs, start, maxIterations);
        var point = result.Point;
        var degenerate = Enumerable.Range(0, n).Any(i => point[i] <= lower[i] + 1e-6
            || (point[i] >= high[i] - 1e-6 && mayRestOnUpper?[i] != true));
        if (!double.IsFinite(result.Value) || result.Value == double.MaxValue || degenerate)
            throw new ModelFitException(Texts.T("models.fit.diverged", model));
        return result;
    }

    /// <summary>Nelder-Mead from the start, then BFGS-B from its point; Nelder-Mead's point stands if the polish fails.</summary>
    private static Result Fallback(string model, Func<Vector<double>, double> value, Func<Vector<double>, Vector<double>> clamp,
        Func<Vector<double>, Result?> bfgs, double[] start, int maxIterations)
    {
        MinimizationResult simplex;
        try
        {
            simplex = new NelderMeadSimplex(1e-10, maxIterations * 10).FindMinimum(ObjectiveFunction.Value(value), Vector<double>.Build.DenseOfArray(start));
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            throw new ModelFitException(Texts.T("models.fit.noconverge", model, maxIterations), e);
        }
        var found = new Result(clamp(simplex.MinimizingPoint), simplex.FunctionInfoAtMinimum.Value, simplex.Iterations, "nelder-mead");
        return bfgs(found.Point) is { } polished && polished.Value <= found.Value ? polished with { Method = "nelder-mead+bfgs-b" } : found;
    }
}
