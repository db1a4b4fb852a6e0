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
        ("server.ingest.rejected", "请求被拒绝（{0} 个错误），没有接收任何事件：{1}", "request rejected ({0} errors), no event was accepted: {1}"),
        ("server.ingest.json", "{0}：不是有效的 JSON（第 {1} 处附近）", "{0}: not valid JSON (near line:column {1})"),
        ("server.ingest.notobject", "{0}：应为 JSON 对象，实际是 {1}", "{0}: must be a JSON object, got {1}"),
        ("server.ingest.batchsize", "{0}：批次 {1} 字节，超过上限 {2} 字节", "{0}: batch is {1} bytes, over the {2}-byte limit"),
        ("server.ingest.eventsize", "{0}：事件 {1} 字节，超过上限 {2} 字节", "{0}: event is {1} bytes, over the {2}-byte limit"),
        ("server.ingest.depth", "{0}：JSON 嵌套超过 {1} 层", "{0}: JSON nested deeper than {1} levels"),
        ("server.ingest.missing", "{0}：缺少必填字段", "{0}: required field is missing"),
        ("server.ingest.emptybatch", "{0}：批次为空", "{0}: the batch is empty"),
        ("server.ingest.type", "{0}：未知的消息类型 {1}（可选：{2}）", "{0}: unknown message type {1} (known: {2})"),
        ("server.ingest.wrongtype", "{0}：应为 {1}，实际是 {2}", "{0}: must be a {1}, got {2}"),
        ("server.ingest.idlength", "{0}：长度 {1} 超过上限 {2}", "{0}: length {1} is over the limit of {2}"),
        ("server.ingest.time", "{0}：{1} 不是 ISO-8601 时间", "{0}: {1} is not an ISO-8601 date-time"),
        ("server.ingest.noid", "{0}：userId 和 anonymousId 至少需要一个", "{0}: needs a userId or an anonymousId"),
        ("server.api.status.400", "请求无效", "Bad request"),
        ("server.api.status.401", "需要凭证", "Unauthenticated"),
        ("server.api.status.403", "权限不足", "Forbidden"),
        ("server.api.status.404", "未找到", "Not found"),
        ("server.api.status.405", "不支持的方法", "Method not allowed"),
        ("server.api.status.409", "冲突", "Conflict"),
        ("server.api.status.413", "请求体过大", "Payload too large"),
        ("server.api.status.415", "不支持的内容类型", "Unsupported media type"),
        ("server.api.status.422", "无法处理", "Unprocessable"),
        ("server.api.status.429", "请求过多", "Too many requests"),
        ("server.api.status.500", "服务器错误", "Server error"),
        ("server.api.status.503", "暂不可用", "Unavailable"),
        ("server.api.json", "请求体不是有效的 JSON：{0}（第 {1} 行第 {2} 个字节）：{3}", "the body is not valid JSON: {0} (line {1}, byte {2}): {3}"),
        ("server.api.internal", "服务器内部错误；详情见服务器日志（按 trace_id 查找）", "internal server error; see the server log (search for the trace_id)"),
        ("server.api.route", "没有 {0} {1} 这个接口；接口列表见 /docs", "there is no {0} {1}; the endpoints are listed at /docs"),
        ("server.api.notready", "工作区数据库无法访问：{0}", "the workspace database does not answer: {0}"),
        ("server.serve.listening", "TagCenter 正在为工作区 {0} 提供服务：{1}（接口文档 {1}/docs，Ctrl-C 停止）", "TagCenter serves workspace {0} at {1} (API reference at {1}/docs, Ctrl-C to stop)"),
        ("server.serve.open", "尚未配置 API 密钥：接口对能访问此地址的任何人开放，请只监听本机地址", "no API keys are configured yet: the API is open to anyone who can reach it, so listen on loopback only"),
        ("server.serve.stopped", "服务已停止", "server stopped"),
        ("opt.urls", "监听地址（默认 http://127.0.0.1:5080）", "Where to listen (default http://127.0.0.1:5080)"),
        ("cmd.serve", "启动 HTTP 服务：接口、事件接收（兼容 Segment）、实时标签", "Start the HTTP server: the API, Segment-compatible event ingest, real-time tags"),
    ];
}
