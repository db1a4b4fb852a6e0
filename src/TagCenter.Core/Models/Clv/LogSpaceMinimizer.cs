using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using TagCenter.Core.Text;

namespace TagCenter.Core.Models.Clv;

/// <summary>
/// Minimises a negative log-likelihood over log-parameters with MathNet's bounded BFGS (BFGS-B), the gradient by
/// central differences. Nelder-Mead was tried first: on a CDNOW-like sample its simplex slides down the ridge
/// a → 0, b → ∞ (no drop-out) and stops far from the optimum. The box e^±20 keeps the special functions accurate;
/// an optimum on its edge is a degenerate fit and is reported as such.
/// </summary>
internal static class LogSpaceMinimizer
{
    private const double Bound = 20;

    private const double Step = 1e-5;

    public static MinimizationResult Minimize(string model, Func<Vector<double>, double> negativeLogLikelihood, double[] start, int maxIterations)
    {
        double Value(Vector<double> v)
        {
            var value = negativeLogLikelihood(v);
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        Vector<double> Gradient(Vector<double> v)
        {
            var gradient = Vector<double>.Build.Dense(v.Count);
            for (var i = 0; i < v.Count; i++)
            {
                var up = v.Clone();
                up[i] = Math.Min(up[i] + Step, Bound);
                var down = v.Clone();
                down[i] = Math.Max(down[i] - Step, -Bound);
                gradient[i] = (Value(up) - Value(down)) / (up[i] - down[i]);
            }
            return gradient;
        }
        var lower = Vector<double>.Build.Dense(start.Length, -Bound);
        var upper = Vector<double>.Build.Dense(start.Length, Bound);
        MinimizationResult result;
        try
        {
            result = new BfgsBMinimizer(1e-5, 1e-10, 1e-12, maxIterations)
                .FindMinimum(ObjectiveFunction.Gradient(Value, Gradient), lower, upper, Vector<double>.Build.DenseOfArray(start));
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException)
        {
            throw new ModelFitException(Texts.T("models.fit.noconverge", model, maxIterations), e);
        }
        var point = result.MinimizingPoint;
        if (!double.IsFinite(result.FunctionInfoAtMinimum.Value) || result.FunctionInfoAtMinimum.Value == double.MaxValue
            || point.Any(x => Math.Abs(x) >= Bound - 1e-6))
            throw new ModelFitException(Texts.T("models.fit.diverged", model));
        return result;
    }
}
