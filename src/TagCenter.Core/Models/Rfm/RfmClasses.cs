namespace TagCenter.Core.Models.Rfm;

/// <summary>
/// The eight RFM classes Chinese retail teams use: M decides 重要/一般; R and F above or below their mean decide
/// 价值 (both high), 发展 (recent, infrequent), 保持 (frequent, not recent) and 挽留 (neither).
/// </summary>
public static class RfmClasses
{
    public static readonly IReadOnlyList<string> All =
        ["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户", "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"];

    public static string Of(bool recentHigh, bool frequencyHigh, bool monetaryHigh) =>
        (monetaryHigh ? "重要" : "一般") + (recentHigh, frequencyHigh) switch
        {
            (true, true) => "价值客户",
            (true, false) => "发展客户",
            (false, true) => "保持客户",
            _ => "挽留客户",
        };
}
