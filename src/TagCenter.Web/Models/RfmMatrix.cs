using TagCenter.Core.Models.Rfm;

namespace TagCenter.Web.Models;

/// <summary>One cell of the RFM matrix: a class, its persons and their share of all classed persons.</summary>
public sealed record RfmCell(string Class, long Persons, double Share);

/// <summary>
/// RFM's eight classes as a 2 × 4 matrix: rows by monetary (重要 high, 一般 low), columns by recency and frequency
/// (价值 both high, 发展 recent only, 保持 frequent only, 挽留 neither), as Chinese RFM reports lay them out.
/// </summary>
public sealed record RfmMatrix(IReadOnlyList<IReadOnlyList<RfmCell>> Rows, long Total)
{
    private static readonly (bool Recent, bool Frequent)[] Columns = [(true, true), (true, false), (false, true), (false, false)];

    public static RfmMatrix Of(IReadOnlyDictionary<string, long> classes)
    {
        var total = classes.Values.Sum();
        return new RfmMatrix(
            [.. new[] { true, false }.Select(monetary => (IReadOnlyList<RfmCell>)[.. Columns.Select(c =>
            {
                var name = RfmClasses.Of(c.Recent, c.Frequent, monetary);
                var persons = classes.GetValueOrDefault(name);
                return new RfmCell(name, persons, total == 0 ? 0 : (double)persons / total);
            })])],
            total);
    }
}
