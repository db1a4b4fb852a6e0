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
    ];
}
