namespace TagCenter.Core.Activation;

/// <summary>
/// How often a tag's values flip between consecutive runs: for each pair of runs, the share of persons holding a
/// value at either run whose value differs (a value appearing or disappearing counts as a flip). A stable tag
/// flips rarely; one that flips for half the people every run is noise to build segments on.
/// </summary>
public static class TagStability
{
    /// <summary>Flip share per consecutive pair of <paramref name="runs"/> (each: person → value).</summary>
    public static IReadOnlyList<double> Flips(IReadOnlyList<IReadOnlyDictionary<string, string>> runs)
    {
        var result = new List<double>();
        for (var i = 1; i < runs.Count; i++)
        {
            var persons = runs[i - 1].Keys.Union(runs[i].Keys).ToList();
            var flipped = persons.Count(p => runs[i - 1].GetValueOrDefault(p) != runs[i].GetValueOrDefault(p));
            result.Add(persons.Count == 0 ? 0 : (double)flipped / persons.Count);
        }
        return result;
    }

    /// <summary>From counts: persons with a value at either run, and those whose value changed.</summary>
    public static double Share(long persons, long flipped) => persons == 0 ? 0 : (double)flipped / persons;
}
