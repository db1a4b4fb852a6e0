namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for segments, crowd boards and their commands; keys start with <c>segment.</c> or <c>board.</c>.</summary>
    private static (string Key, string Zh, string En)[] Segments =>
    [
        ("segment.unknown", "没有名为 '{0}' 的人群{1}（已有：{2}）", "no segment named '{0}'{1} (segments: {2})"),
        ("segment.none", "还没有人群，用 tagcenter segment create 创建", "none yet; create one with tagcenter segment create"),
        ("segment.twice", "人群 '{0}' 定义了两次（另一处在 {1}）", "segment '{0}' is defined twice (also in {1})"),
        ("segment.file.empty", "人群文件是空的：至少需要 'rule:'", "the segment file is empty: it needs at least 'rule:'"),
        ("segment.rule.empty", "人群 '{0}' 的规则是空的", "the rule of segment '{0}' is empty"),
        ("segment.name.bad", "'{0}' 不能作为人群名：名字会成为文件名，不能为空、不能以 . 开头、不能含 / \\ : * ? \" < > |", "'{0}' cannot name a segment: the name becomes a file name, so it must not be empty, start with '.', or contain / \\ : * ? \" < > |"),
        ("segment.rule.value", "'{0}' 不是 {1} 的取值{2}（可选值：{3}）", "'{0}' is not a value of {1}{2} (values: {3})"),
        ("segment.rule.at", "人群 '{0}'：{1}", "segment '{0}': {1}"),
        ("segment.name.tag", "人群 '{0}' 与一个标签同名（{1}）：请换一个名字", "segment '{0}' has the name of a tag ({1}): choose another name"),
        ("segment.plan.uses", "人群 '{0}'（{1}:{2}:{3}）", "segment '{0}' ({1}:{2}:{3})"),
        ("board.unknown", "没有名为 '{0}' 的人群看板{1}（已有：{2}）", "no board named '{0}'{1} (boards: {2})"),
        ("board.none", "还没有看板，在 boards/*.yaml 中声明", "none yet; declare one in boards/*.yaml"),
        ("board.twice", "看板 '{0}' 定义了两次（另一处在 {1}）", "board '{0}' is defined twice (also in {1})"),
        ("board.nocrowds", "看板 '{0}' 需要 'crowds:'（人群名: 规则，或 人群名: {{ segment: 人群 }}）", "board '{0}' needs 'crowds:' (name: rule, or name: {{ segment: name }})"),
        ("board.inline", "看板 {0} 中直接写的人群", "a crowd written in board {0}"),
    ];
}
