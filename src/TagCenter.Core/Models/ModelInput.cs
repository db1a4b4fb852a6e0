namespace TagCenter.Core.Models;

/// <summary>
/// The fact a model reads (<c>fact_&lt;Fact&gt;</c>), which of its columns carry the time, the amount and the category,
/// which groups rows into a basket, and equality filters on other columns (<c>status: paid</c>), bound as parameters.
/// </summary>
public sealed record ModelInput(string Fact, string Time, string? Amount, string? Category, IReadOnlyDictionary<string, string> Where)
{
    public string Table => "fact_" + Fact;

    /// <summary>Recommendations: the column that groups rows into one purchase (an order id).</summary>
    public string? Basket { get; init; }
}
