using static TagCenter.DuckDb.Tests.Analysis.AnalysisLog;

namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>
/// Thirteen persons whose events were placed by hand; the expected funnels, paths and conversions in the tests
/// were worked out on paper from this list (see the comments per person).
/// </summary>
internal static class HandLog
{
    public const string A = "app_start", B = "product_view", C = "add_to_cart", D = "order_paid";

    public static AnalysisLog Create() => new AnalysisLog()
        .Person("p01", "上海", "gold").Person("p02", "上海", "silver").Person("p03", "北京", "gold").Person("p04", "北京", null)
        .Person("p05", "广州", "gold").Person("p06", "广州", null).Person("p07", "上海", "silver").Person("p08", "深圳", "gold")
        .Person("p09", null, "gold").Person("p10", "杭州", "silver").Person("p11", "上海", "gold").Person("p12", "北京", "silver")
        .Person("p13", "深圳", "silver")
        .Events(
            // p01: the whole funnel; gaps 1h, 1h, 24h.
            ("p01", A, At(0, 10)), ("p01", B, At(0, 11)), ("p01", C, At(0, 12)), ("p01", D, At(1, 12)),
            // p02: add_to_cart 8 days after entry: outside 7d; 2 steps, gap 24h.
            ("p02", A, At(0)), ("p02", B, At(1)), ("p02", C, At(8)), ("p02", D, At(8)),
            // p03: viewed before the app start: out of order; 1 step.
            ("p03", B, At(0)), ("p03", A, At(0, 1)), ("p03", C, At(0, 2)), ("p03", D, At(0, 3)),
            // p04: repeats; the order at d1 08:00 is before the cart, the one at d8 00:00 is exactly 7d after entry (counts).
            // Gaps 6h, 42h, 120h.
            ("p04", A, At(1)), ("p04", A, At(2)), ("p04", B, At(1, 6)), ("p04", B, At(1, 7)), ("p04", C, At(3)), ("p04", D, At(1, 8)), ("p04", D, At(8)),
            // p05: only an app start.
            ("p05", A, At(2)),
            // p06: enters at the first app start (d0); what follows the second one (d10) does not count. 1 step.
            ("p06", A, At(0)), ("p06", A, At(10)), ("p06", B, At(10, 1)),
            // p07: a view at the same time as the app start is not after it; the next one is. 3 steps, gaps 2h, 22h.
            ("p07", A, At(3)), ("p07", B, At(3)), ("p07", B, At(3, 2)), ("p07", C, At(4)),
            // p08: never starts the app: not in the funnel.
            ("p08", B, At(1)), ("p08", C, At(1, 1)), ("p08", D, At(1, 2)),
            // p09: no city; the whole funnel, 30 minutes apart.
            ("p09", A, At(5)), ("p09", B, At(5, 0, 30)), ("p09", C, At(5, 1)), ("p09", D, At(5, 1, 30)),
            // p10: a cart at the same time as the view does not count, the next does (48h); the order 8 days after entry does not.
            ("p10", A, At(4, 12)), ("p10", B, At(4, 13)), ("p10", C, At(4, 13)), ("p10", C, At(6, 13)), ("p10", D, At(12, 12)),
            // p11: everything in reverse after the start: 2 steps, gap 3h.
            ("p11", A, At(2)), ("p11", D, At(2, 1)), ("p11", C, At(2, 2)), ("p11", B, At(2, 3)),
            // p12: the earliest view (01:00) makes the cart at 04:00 count; gaps 1h, 3h, 30m.
            ("p12", A, At(6)), ("p12", B, At(6, 5)), ("p12", B, At(6, 1)), ("p12", C, At(6, 4)), ("p12", D, At(6, 4, 30)),
            // Nobody's: never counted.
            (null, A, At(0)), (null, B, At(0, 1)), (null, C, At(0, 2)), (null, D, At(0, 3)));
}
