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
    ];
}
