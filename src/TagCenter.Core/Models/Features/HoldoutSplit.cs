using System.Text;

namespace TagCenter.Core.Models.Features;

/// <summary>
/// Which persons a model learns from, chooses its learner on, and is judged on: a bucket 0–99 from the FNV-1a hash
/// of the oneid (UTF-8), so the split is the same on every run and machine and can be stated as a rule:
/// bucket &lt; holdout% is held out, the next holdout% validate, the rest train.
/// </summary>
public static class HoldoutSplit
{
    public enum Part { Train, Validation, Holdout }

    public const string Rule = "fnv1a64(utf8(oneid)) mod 100 < holdout_percent";

    public static int Bucket(string oneId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(oneId))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (int)(hash % 100);
    }

    public static Part Of(string oneId, int holdoutPercent)
    {
        var bucket = Bucket(oneId);
        return bucket < holdoutPercent ? Part.Holdout : bucket < 2 * holdoutPercent ? Part.Validation : Part.Train;
    }
}
