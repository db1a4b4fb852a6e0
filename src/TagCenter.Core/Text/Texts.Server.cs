namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for the server: the durable event log (<c>server.log.</c>) and Segment-compatible ingest
    /// (<c>server.ingest.</c>).</summary>
    private static (string Key, string Zh, string En)[] Server =>
    [
        ("server.log.corrupt", "日志文件 {0} 在位置 {1} 处损坏", "log file {0} is corrupt at byte {1}"),
        ("server.log.faulted", "事件日志已停止写入（之前的写入失败：{0}）", "the event log stopped taking writes (an earlier write failed: {0})"),
        ("server.log.writefailed", "写入事件日志失败：{0}", "writing the event log failed: {0}"),
        ("server.log.empty", "没有要追加的记录", "nothing to append"),
        ("server.log.toolarge", "记录太大：{0} 字节（上限 {1}）", "record too large: {0} bytes (limit {1})"),
        ("server.log.retired", "偏移量 {0} 已被清理（最早保留的是 {1}）", "offset {0} was retired (the oldest kept is {1})"),
        ("server.log.missing", "日志段 {0} 不存在", "log segment {0} is missing"),
        ("server.log.consumername", "消费者名称 {0} 无效（只能包含字母、数字、- 和 _）", "invalid consumer name {0} (letters, digits, - and _ only)"),
        ("server.log.badcommit", "不能提交偏移量 {0}（已提交 {1}，日志末尾 {2}）", "cannot commit offset {0} (committed {1}, end of log {2})"),
        ("server.log.cut", "日志段 {0} 的尾部不完整：在位置 {1} 截断，丢弃 {2} 字节，保留 {3} 条记录", "log segment {0} had a torn tail: cut at byte {1}, {2} bytes dropped, {3} records kept"),
    ];
}
