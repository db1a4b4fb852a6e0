using TagCenter.Core.Text;

namespace TagCenter.Core.Fields;

/// <summary>
/// Sorts the columns of one table into core, auxiliary and redundant, with the evidence: used columns are core;
/// of the rest, empty, constant and copied ones are redundant, and what remains is auxiliary.
/// </summary>
public static class FieldClassifier
{
    /// <summary>Two columns are copies when they agree in at least this share of the rows where either has a value.</summary>
    public const double CopyShare = 0.99;

    /// <summary>Below this coverage an auxiliary column says it is thinly filled.</summary>
    public const double GoodCoverage = 0.5;

    /// <param name="table">The table's columns in their order.</param>
    /// <param name="usage">Who uses a column.</param>
    /// <param name="cleansing">Quarantined and nulled shares of a column.</param>
    /// <param name="source">The source (or sources) behind the table.</param>
    public static IReadOnlyList<FieldProfile> Classify(IReadOnlyList<FieldStats> table, Func<string, FieldUsage> usage,
        Func<string, (double Quarantined, double Nulled)> cleansing, string source)
    {
        var used = table.ToDictionary(s => s.Column, s => usage(s.Column), StringComparer.Ordinal);
        var kept = new HashSet<string>(used.Where(u => u.Value.Used).Select(u => u.Key), StringComparer.Ordinal);
        var result = new List<FieldProfile>();
        foreach (var stats in table)
        {
            var use = used[stats.Column];
            var evidence = new List<string>();
            FieldClass @class;
            var copyOf = stats.Copies.Where(c => c.Share >= CopyShare).OrderByDescending(c => c.Share).ToList();
            if (use.Used)
            {
                @class = FieldClass.Core;
                if (use.ModelKey)
                    evidence.Add(Texts.T("fields.ev.key"));
                if (use.Identifier is not null)
                    evidence.Add(Texts.T("fields.ev.identifier", use.Identifier));
                if (use.Golden.Count > 0)
                    evidence.Add(Texts.T("fields.ev.golden", string.Join(", ", use.Golden)));
                if (use.Tags.Count > 0)
                    evidence.Add(Texts.T("fields.ev.tags", string.Join(", ", use.Tags)));
                evidence.AddRange(copyOf.Select(c => Texts.T("fields.ev.copy", c.Column, c.Share)));
            }
            else if (stats.Filled == 0)
            {
                @class = FieldClass.Redundant;
                evidence.Add(Texts.T("fields.ev.empty", stats.Rows));
            }
            else if (stats.Distinct <= 1)
            {
                @class = FieldClass.Redundant;
                evidence.Add(Texts.T("fields.ev.constant", stats.Top.Count > 0 ? stats.Top[0].Value : stats.Min));
            }
            else if (copyOf.FirstOrDefault(c => kept.Contains(c.Column)) is { Column: not null } original)
            {
                @class = FieldClass.Redundant;
                evidence.Add(Texts.T("fields.ev.copy", original.Column, original.Share));
            }
            else
            {
                @class = FieldClass.Auxiliary;
                kept.Add(stats.Column);
                var coverage = stats.Rows == 0 ? 0 : (double)stats.Filled / stats.Rows;
                evidence.Add(Texts.T(coverage >= GoodCoverage ? "fields.ev.coverage" : "fields.ev.lowcoverage", coverage));
                if (use.DedupeKey)
                    evidence.Add(Texts.T("fields.ev.dedupe"));
            }
            var (quarantined, nulled) = cleansing(stats.Column);
            result.Add(new FieldProfile
            {
                Stats = stats,
                Source = source,
                Usage = use,
                Quarantined = quarantined,
                Nulled = nulled,
                Class = @class,
                Evidence = evidence,
            });
        }
        return result;
    }
}
