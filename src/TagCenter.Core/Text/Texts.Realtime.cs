namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for real-time tags and segments and the segment change stream; keys start with <c>realtime.</c>.</summary>
    private static (string Key, string Zh, string En)[] Realtime =>
    [
        ("realtime.segment.unknown", "没有名为 {0} 的人群", "there is no segment named {0}"),
        ("realtime.lasteventid", "Last-Event-ID 应为非负整数，实际是 {0}", "Last-Event-ID must be a non-negative integer, got {0}"),
        ("realtime.failed", "实时更新失败（{0} 人）：{1}", "the real-time update failed ({0} persons): {1}"),
        ("realtime.listener.failed", "实时变化的处理者 {0} 出错：{1}（不影响其他处理者，批量运行会再交一次）", "the real-time change listener {0} failed: {1} (the others go on; a batch run hands the changes in again)"),
    ];
}
