using DuckDB.NET.Data;
using TagCenter.Core.Sql;

namespace TagCenter.Demo;

/// <summary>The order system's Parquet exports: orders (amounts in 分) and their items.</summary>
internal static class OrderExportWriter
{
    /// <summary>Orders per person per unit of activity (a long tail: most buy a few times, a few buy a lot).</summary>
    public const double OrdersPerActivity = 2.6;

    private static readonly Dictionary<string, (int Min, int Max)> PriceFen = new()
    {
        ["母婴"] = (3900, 59900),
        ["美妆"] = (5900, 129900),
        ["服饰"] = (4900, 89900),
        ["食品"] = (990, 19900),
        ["数码"] = (9900, 699900),
        ["家居"] = (1990, 159900),
        ["运动"] = (5900, 99900),
        ["图书"] = (1990, 12900),
    };

    public static (int Orders, int Items) Write(string ordersPath, string itemsPath, IReadOnlyList<DemoPerson> people, int seed)
    {
        var random = new Random(seed);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using (var create = db.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE orders (order_id VARCHAR, member_no VARCHAR, buyer_phone VARCHAR, channel VARCHAR, status VARCHAR,
                                     paid_at TIMESTAMP, amount_fen BIGINT, discount_fen BIGINT, coupon_used BOOLEAN);
                CREATE TABLE order_items (order_id VARCHAR, line_no INTEGER, sku VARCHAR, category VARCHAR, qty INTEGER, unit_price_fen BIGINT);
                """;
            create.ExecuteNonQuery();
        }
        int orderCount = 0, itemCount = 0;
        using (var orders = db.CreateAppender("orders"))
        using (var items = db.CreateAppender("order_items"))
        {
            foreach (var p in people)
            {
                var n = Poisson(random, p.Activity * OrdersPerActivity);
                var priceSensitive = p.Index % 4 == 0;
                for (var k = 0; k < n; k++)
                {
                    if (EventLogWriter.ActiveMoment(random, p) is not { } moment)
                        continue;
                    var orderId = $"SO{moment:yyyyMMdd}{orderCount:D7}";
                    long total = 0;
                    var lines = 1 + Poisson(random, 0.8);
                    for (var line = 1; line <= lines; line++)
                    {
                        var category = random.NextDouble() < 0.55 ? p.FavouriteCategory : DemoPopulation.Categories[random.Next(DemoPopulation.Categories.Length)];
                        var (min, max) = PriceFen[category];
                        var price = (long)(min + Math.Pow(random.NextDouble(), 2.2) * (max - min)) / 10 * 10;
                        var qty = random.NextDouble() < 0.8 ? 1 : random.Next(2, 5);
                        total += price * qty;
                        items.CreateRow().AppendValue(orderId).AppendValue(line).AppendValue($"SKU{random.Next(1, 4000):D5}")
                            .AppendValue(category).AppendValue(qty).AppendValue(price).EndRow();
                        itemCount++;
                    }
                    var coupon = random.NextDouble() < (priceSensitive ? 0.7 : 0.15);
                    var discount = coupon ? total * random.Next(5, 25) / 100 : 0;
                    var status = random.NextDouble() switch { < 0.05 => "refunded", < 0.09 => "cancelled", _ => "paid" };
                    var channel = p.OpenId is not null && random.NextDouble() < 0.4 ? "miniprogram" : p.DeviceIds.Count > 0 ? "app" : "web";
                    var amount = random.NextDouble() < 0.0008 ? 99_999_999_900L : total - discount; // a mis-keyed amount
                    var buyer = p.MemberNo is null || random.NextDouble() < 0.1 ? p.Phone : null;
                    for (var copies = random.NextDouble() < 0.002 ? 2 : 1; copies > 0; copies--)
                    {
                        orders.CreateRow().AppendValue(orderId).AppendValue(p.MemberNo).AppendValue(buyer).AppendValue(channel)
                            .AppendValue(status).AppendValue(moment).AppendValue(amount).AppendValue(discount).AppendValue(coupon).EndRow();
                        orderCount++;
                    }
                }
            }
        }
        using (var copy = db.CreateCommand())
        {
            copy.CommandText = $"""
                COPY orders TO {SqlText.Literal(ordersPath)} (FORMAT parquet);
                COPY order_items TO {SqlText.Literal(itemsPath)} (FORMAT parquet);
                """;
            copy.ExecuteNonQuery();
        }
        return (orderCount, itemCount);
    }

    internal static int Poisson(Random random, double lambda)
    {
        if (lambda > 30)
            return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * DemoPopulation.Normal(random)));
        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }
        return k;
    }
}
