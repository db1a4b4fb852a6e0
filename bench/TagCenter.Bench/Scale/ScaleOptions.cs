using System.Globalization;

namespace TagCenter.Bench.Scale;

/// <summary>
/// <c>scale --persons N [--from workspace] [--out folder] [--facts f]</c>: the target size, the workspace cloned
/// (by default the demo the api bench serves), where the scaled one goes, and the share of clones that carry
/// behaviour facts (<c>fact_*</c>; 1 = all, less when the disk would not hold them).
/// </summary>
internal sealed record ScaleOptions(long Persons, string From, string Out, double Facts)
{
    public const string DefaultOut = "/tmp/tagcenter-scale-10m";

    public static async Task<ScaleOptions> ParseAsync(BenchArgs args)
    {
        var persons = args.Values.TryGetValue("persons", out var p) ? long.Parse(p, CultureInfo.InvariantCulture) : 10_000_000;
        var from = args.Values.TryGetValue("from", out var f) ? Path.GetFullPath(f) : await Demo.DemoWorkspace.BuildAsync(50_000);
        var output = Path.GetFullPath(args.Values.TryGetValue("out", out var o) ? o : DefaultOut);
        var facts = args.Values.TryGetValue("facts", out var x) ? double.Parse(x, CultureInfo.InvariantCulture) : 1.0;
        if (persons <= 0 || facts is <= 0 or > 1)
            throw new ArgumentException("--persons must be positive and --facts in (0, 1]");
        if (string.Equals(from.TrimEnd('/'), output.TrimEnd('/'), StringComparison.Ordinal))
            throw new ArgumentException("--out must differ from --from");
        return new ScaleOptions(persons, from, output, facts);
    }

    public string SourceDatabase => Path.Combine(From, ".tagcenter", "tagcenter.duckdb");

    public string OutDatabase => Path.Combine(Out, ".tagcenter", "tagcenter.duckdb");
}
