namespace TagCenter.Core.Models.Clusters;

/// <summary>
/// Describes clusters by what stands out in them, and names them from it. Numbers: the cluster's mean of each
/// standardised feature (z); |z| ≥ 0.5 is a trait "高X" or "低X". Values of the describing tags: TGI = share in the
/// cluster ÷ share overall × 100, as the portrait computes it; TGI ≥ 120 with at least 20% of the cluster is a trait
/// named by the value (with its tag when the value alone says little: 高活跃度, 年龄段18-24). The name joins the strongest number and the two strongest values (or the three strongest
/// traits of whichever there are) with "·", e.g. "高客单价·app·上海". The words stay Chinese whatever the CLI language:
/// a name is a tag value, and a value must not change with who ran the model.
/// </summary>
public static class ClusterNamer
{
    public const double MinZ = 0.5;
    public const double MinTgi = 120;
    public const double MinShare = 0.2;

    public static IReadOnlyList<ClusterProfile> Describe(Features.FeatureTable features, int numericCount, float[][] standardised,
        Features.FeatureTable describe, int[] assignments, int k)
    {
        var numericNames = features.Columns.Where(c => c.IsNumeric).Select(c => c.Name).ToList();
        var sizes = new int[k];
        foreach (var a in assignments)
            sizes[a]++;
        var n = assignments.Length;
        var profiles = new List<ClusterProfile>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, n).Where(i => assignments[i] == c).ToList();
            var traits = new List<ClusterTrait>();
            for (var j = 0; j < numericCount; j++)
            {
                var z = members.Average(i => (double)standardised[i][j]);
                if (Math.Abs(z) >= MinZ)
                    traits.Add(new ClusterTrait(numericNames[j], (z > 0 ? "高" : "低") + numericNames[j], z, null, 1, Math.Abs(z)));
            }
            // A cluster of persons who lack a number (never bought: no spend, no days since) stands out by that.
            for (var j = 0; j < numericCount; j++)
            {
                var overall = features.Columns.Where(x => x.IsNumeric).ElementAt(j).Numbers!.Count(float.IsNaN) / (double)n;
                var share = members.Count(i => standardised[i][numericCount + j] > 0.5f) / (double)members.Count;
                if (overall > 0 && share >= 0.5 && share / overall * 100 >= MinTgi)
                    traits.Add(new ClusterTrait(numericNames[j], "无" + numericNames[j], null, share / overall * 100, share, Math.Abs(share / overall - 1) * share));
            }
            foreach (var column in describe.Columns)
            {
                var values = column.Texts ?? column.Numbers!.Select(v => float.IsNaN(v) ? null : v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                foreach (var group in members.Select(i => values[i]).OfType<string>().GroupBy(v => v, StringComparer.Ordinal))
                {
                    var share = (double)group.Count() / members.Count;
                    var overall = (double)values.Count(v => v == group.Key) / n;
                    var tgi = share / overall * 100;
                    if (tgi >= MinTgi && share >= MinShare)
                        traits.Add(new ClusterTrait(column.Name, Label(column.Name, group.Key), null, tgi, share, Math.Abs(tgi - 100) / 100 * share));
                }
            }
            var numeric = traits.Where(t => t.Z is not null).OrderByDescending(t => t.Score).ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
            var valued = traits.Where(t => t.Tgi is not null).OrderByDescending(t => t.Score).ThenBy(t => t.Label, StringComparer.Ordinal).ToList();
            var picked = numeric.Take(valued.Count >= 2 ? 1 : 3 - Math.Min(valued.Count, 2)).Concat(valued.Take(2)).Take(3).ToList();
            var name = picked.Count == 0 ? "大众客群" : string.Join("·", picked.Select(t => t.Label));
            var unique = name;
            for (var copy = 2; !used.Add(unique); copy++)
                unique = $"{name}#{copy}";
            profiles.Add(new ClusterProfile(c, unique, sizes[c], [.. numeric.Concat(valued).OrderByDescending(t => t.Score)]));
        }
        return profiles;
    }

    /// <summary>A value that says what it is (上海, app, 金卡) names itself; a level (高) or a number (18-24) needs its tag: 高活跃度, 年龄段18-24.</summary>
    private static string Label(string tag, string value) =>
        value.Length <= 1 ? value + tag : char.IsAsciiDigit(value[0]) ? tag + value : value;
}
