using Shouldly;

namespace TagCenter.Cli.Tests.Commands;

/// <summary>
/// The hand-checked workspace of the model tests: the starter workspace with five customers, C000k with 6−k paid
/// orders of 100·(6−k) yuan, the k-th one's falling 10k … 10k+5−k days before 2026-11-01, and the given tag file.
/// </summary>
internal static class FiveCustomers
{
    public static async Task<string> CreateAsync(string tags)
    {
        var dir = CliRunner.TempDir();
        (await CliRunner.RunAsync("init", dir)).ExitCode.ShouldBe(0);
        var orders = new List<string> { "订单号,客户编号,下单时间,实付金额" };
        for (var k = 1; k <= 5; k++)
            for (var n = 0; n < 6 - k; n++)
                orders.Add($"O{k}{n},C000{k},{new DateTime(2026, 11, 1).AddDays(-10 * k - n):yyyy-MM-dd} 12:00:00,{100 * (6 - k)}.00");
        File.WriteAllLines(Path.Combine(dir, "data", "orders.csv"), orders);
        File.WriteAllText(Path.Combine(dir, "tags", "价值.yaml"), tags);
        return dir;
    }

    /// <summary>Writes <c>models/价值.yaml</c>.</summary>
    public static void WriteModels(string dir, string yaml)
    {
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "models", "价值.yaml"), yaml);
    }
}
