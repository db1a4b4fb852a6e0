namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Tag catalog, compiler, planner and runner texts; keys start with <c>tags.</c> (followed by the stage).</summary>
    private static (string Key, string Zh, string En)[] Tags =>
    [
        ("tags.compile.at", "标签 '{0}'：{1}", "tag '{0}': {1}"),
        ("tags.compile.model", "标签 '{0}' 使用了模型标签 '{1}'，而模型阶段还没有产出它", "tag '{0}' uses model tag '{1}', which the models stage has not produced yet"),
        ("tags.compile.type", "'{0}' 的规则得到 {1}，但标签声明为 {2}", "the rule of '{0}' gives {1}, but the tag is declared {2}"),
        ("tags.compile.cycle", "标签之间循环依赖：{0}", "tags depend on each other in a cycle: {0}"),
        ("tags.asof.invalid", "'{0}' 不是可识别的时间。可用格式：{1}（时区 {2}）。只写日期表示当天零点，即不含当天的事件",
            "'{0}' is not a time. Accepted: {1} (in time zone {2}). A bare date means midnight at the start of that day: its events are not included"),
        ("tags.catalog.twice", "标签 '{0}' 声明了两次（另一处在 {1}）", "tag '{0}' is declared twice (also in {1})"),
        ("tags.catalog.codetwice", "code '{0}' 被两个标签使用：{1}", "code '{0}' is used by two tags: {1}"),
        ("tags.catalog.yaml", "YAML 语法错误：{0}", "YAML syntax error: {0}"),
        ("tags.catalog.code", "code '{0}' 必须以小写字母开头，只能使用 a-z、0-9 和 _", "code '{0}' must start with a lower-case letter and use only a-z, 0-9 and _"),
        ("tags.catalog.type", "type 必须是以下之一：bool、int、decimal、string、date、timestamp、list", "type must be one of: bool, int, decimal, string, date, timestamp, list"),
        ("tags.catalog.values", "枚举标签 '{0}' 需要 'values: [...]'（有序的取值集合）", "enum tag '{0}' needs 'values: [...]' (its ordered value set)"),
        ("tags.catalog.status", "status 必须是以下之一：{0}", "status must be one of: {0}"),
        ("tags.catalog.fromandrule", "标签 '{0}' 同时写了 'from:' 和 'rule:'；只能保留一个（from: 字段 等同于 rule: 字段）", "tag '{0}' has both 'from:' and 'rule:'; keep one ('from: field' is short for 'rule: field')"),
        ("tags.catalog.norule", "标签 '{0}' 需要 'rule'（或 'from: <黄金记录字段>'）", "tag '{0}' needs a 'rule' (or 'from: <golden-record field>')"),
        ("tags.catalog.refresh", "refresh '{0}' 既不是 realtime、hourly、daily，也不是 cron 表达式（分 时 日 月 周）：{1}", "refresh '{0}' is neither realtime, hourly, daily nor a cron expression (minute hour day month weekday): {1}"),
        ("tags.unknown", "未知标签 '{0}'{1}", "unknown tag '{0}'{1}"),
        ("tags.run.nodim", "还没有人员维度表：计算标签前先运行 tagcenter identity run", "there is no person dimension yet: run 'tagcenter identity run' before computing tags"),
        ("tags.run.cancelled", "标签计算已取消，未保存任何结果（上一次快照保持不变）", "the tag run was cancelled; nothing was stored (the last snapshot is unchanged)"),
        ("tags.run.failed", "计算这些标签时数据库出错：{0}。原因：{1}。未保存任何结果，上一次快照保持不变。请检查这些规则：数值是否可能溢出（例如对极大金额求和或相乘），取值能否转换为声明的类型；可用 TAGCENTER_TRACE_SQL=1 查看执行的语句",
            "the engine failed while computing {0}: {1}. Nothing was stored; the last snapshot is unchanged. Check these rules for numbers that can overflow (sums or products of very large values) and values that do not convert to the declared type; TAGCENTER_TRACE_SQL=1 shows the statements"),
        ("tags.convention.depth", "路径 '{0}' 有 {1} 层，规范要求 {2} 层（维度/主题）", "path '{0}' has {1} levels; the convention asks for {2}"),
        ("tags.convention.code", "编码 '{0}' 不符合规范 {1}", "code '{0}' does not match the convention {1}"),
        ("tags.convention.length", "名称有 {0} 个字，规范最多 {1} 个", "the name has {0} characters; the convention allows {1}"),
        ("tags.convention.required", "缺少规范要求的字段 {0}", "missing {0}, which the convention requires"),
        ("tags.convention.summary", "{0} 处不符合工作区的标签命名规范（conventions.tags）：", "{0} break(s) of the workspace's tag naming convention (conventions.tags):"),
    ];
}
