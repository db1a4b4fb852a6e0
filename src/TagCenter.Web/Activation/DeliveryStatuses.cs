namespace TagCenter.Web.Activation;

/// <summary>
/// The statuses of a delivery in the order the console shows them (what reached people first, then what waits, failed
/// or was held back). A status the API adds later still gets a column, after these, so no count is hidden.
/// </summary>
internal static class DeliveryStatuses
{
    public static IReadOnlyList<string> Known { get; } = ["delivered", "pending", "dead", "skipped_cap", "skipped_consent"];

    /// <summary>The columns for these counts: the known statuses, then any other one they name, alphabetically.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<IReadOnlyDictionary<string, long>> counts) =>
        [.. Known, .. counts.SelectMany(c => c.Keys).Where(s => !Known.Contains(s)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The text key of a known status; null for one the console has no words for (it shows the API's word).</summary>
    public static string? TextKey(string status) => Known.Contains(status) ? "console.activation.status." + status : null;
}
