using TagCenter.Core.Models.Features;

namespace TagCenter.Core.Models.Propensity;

/// <summary>
/// How much one feature tag matters to a trained classifier, measured on persons it never learnt from: the drop in
/// hold-out AUC when that feature's values are shuffled among them (the mean over <see cref="Repeats"/> shuffles, and
/// their spread). Unlike weights or tree gains it reads the same for every learner and for one-hot features, and a
/// feature the model ignores scores about 0.
/// </summary>
public sealed record PermutationImportance(string Feature, double AucDrop, double StandardDeviation)
{
    public const int Repeats = 3;

    /// <summary>At most this many held-out persons are shuffled (a deterministic sample), so a million-person model pays seconds.</summary>
    public const int MaxPersons = 20_000;

    /// <param name="table">The held-out persons' features.</param>
    /// <param name="actual">Their outcomes.</param>
    /// <param name="score">The trained model's probabilities for a table with the same columns.</param>
    public static IReadOnlyList<PermutationImportance> Of(FeatureTable table, IReadOnlyList<bool> actual, Func<FeatureTable, double[]> score, int seed)
    {
        if (table.Count > MaxPersons)
        {
            var step = (double)table.Count / MaxPersons;
            var sample = Enumerable.Range(0, MaxPersons).Select(i => (int)(i * step)).ToList();
            table = table.Rows(sample);
            actual = [.. sample.Select(i => actual[i])];
        }
        var baseline = ClassifierMetrics.RocAuc(score(table), actual);
        if (!double.IsFinite(baseline))
            return [];
        var result = new List<PermutationImportance>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var drops = new double[Repeats];
            for (var r = 0; r < Repeats; r++)
            {
                var order = Shuffled(table.Count, new Random(seed * 7919 + c * 31 + r));
                var columns = table.Columns.Select((column, k) => k == c ? Permute(column, order) : column).ToList();
                drops[r] = baseline - ClassifierMetrics.RocAuc(score(new FeatureTable(table.OneIds, columns)), actual);
            }
            var mean = drops.Average();
            result.Add(new PermutationImportance(table.Columns[c].Name, mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / Repeats)));
        }
        return [.. result.OrderByDescending(i => i.AucDrop).ThenBy(i => i.Feature, StringComparer.Ordinal)];
    }

    private static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    private static FeatureColumn Permute(FeatureColumn column, int[] order) => column.IsNumeric
        ? FeatureColumn.Numeric(column.Name, [.. order.Select(i => column.Numbers![i])])
        : FeatureColumn.Categorical(column.Name, [.. order.Select(i => column.Texts![i])]);
}
