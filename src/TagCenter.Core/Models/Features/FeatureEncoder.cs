namespace TagCenter.Core.Models.Features;

/// <summary>
/// Turns a <see cref="FeatureTable"/> into what ML.NET reads: a vector of the numeric features (NaN where missing,
/// for ML.NET to flag and replace) and a one-hot vector of the categorical ones over the values seen while learning
/// (the <see cref="MaxValues"/> most frequent per feature; another or a missing value sets no slot). It also names
/// every slot of the final feature vector, so weights and importances read as tags and values.
/// </summary>
public sealed class FeatureEncoder
{
    public const int MaxValues = 20;

    private readonly FeatureTable _table;
    private readonly int[] _numeric;
    private readonly (int Column, Dictionary<string, int> Slots)[] _categorical;

    private FeatureEncoder(FeatureTable table, int[] numeric, (int, Dictionary<string, int>)[] categorical, int oneHotCount)
    {
        _table = table;
        _numeric = numeric;
        _categorical = categorical;
        OneHotCount = oneHotCount;
    }

    public int NumericCount => _numeric.Length;

    public int OneHotCount { get; }

    /// <summary>Learns the one-hot values from <paramref name="rows"/> (the training persons).</summary>
    public static FeatureEncoder Learn(FeatureTable table, IEnumerable<int> rows)
    {
        var list = rows as IReadOnlyCollection<int> ?? [.. rows];
        var numeric = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsNumeric).Select(x => x.i).ToArray();
        var categorical = new List<(int, Dictionary<string, int>)>();
        var next = 0;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Texts is not { } texts)
                continue;
            var values = list.Select(r => texts[r]).OfType<string>().GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxValues).Select(g => g.Key).ToList();
            categorical.Add((i, values.ToDictionary(v => v, _ => next++, StringComparer.Ordinal)));
        }
        return new FeatureEncoder(table, numeric, [.. categorical], next);
    }

    /// <summary>The numeric features of one row of <paramref name="table"/> (the learning table or one with the same columns).</summary>
    public float[] Numeric(FeatureTable table, int row)
    {
        var result = new float[Math.Max(1, _numeric.Length)];
        for (var j = 0; j < _numeric.Length; j++)
            result[j] = table.Columns[_numeric[j]].Numbers![row];
        return result;
    }

    public float[] OneHot(FeatureTable table, int row)
    {
        var result = new float[Math.Max(1, OneHotCount)];
        foreach (var (column, slots) in _categorical)
            if (table.Columns[column].Texts![row] is { } value && slots.TryGetValue(value, out var slot))
                result[slot] = 1;
        return result;
    }

    /// <summary>Names of the final vector's slots: numeric features, then their missing flags, then feature=value.</summary>
    public IReadOnlyList<string> SlotNames()
    {
        var names = _numeric.Select(i => _table.Columns[i].Name).ToList();
        names.AddRange(_numeric.Select(i => _table.Columns[i].Name + " (missing)"));
        var oneHot = new string[OneHotCount];
        foreach (var (column, slots) in _categorical)
            foreach (var (value, slot) in slots)
                oneHot[slot] = $"{_table.Columns[column].Name}={value}";
        names.AddRange(oneHot);
        return names;
    }

    /// <summary>The name of the feature a slot comes from (for importance summed per tag).</summary>
    public IReadOnlyList<string> SlotFeatures()
    {
        var names = _numeric.Select(i => _table.Columns[i].Name).ToList();
        names.AddRange(names.ToList());
        var oneHot = new string[OneHotCount];
        foreach (var (column, slots) in _categorical)
            foreach (var slot in slots.Values)
                oneHot[slot] = _table.Columns[column].Name;
        names.AddRange(oneHot);
        return names;
    }
}
