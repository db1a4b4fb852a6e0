namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for tag and membership history; keys start with <c>history.</c>.</summary>
    private static (string Key, string Zh, string En)[] History =>
    [
        ("history.cmd.explain", "解释一个人的标签值：规则、上游标签与字段、每个行为聚合的值及计入的明细行（来源与行号）",
            "Explain a person's tag value: the rule, upstream tags and fields, each behaviour aggregate's value and the fact rows it counted (source and line)"),
        ("history.opt.person", "此人的任一标识（手机号、邮箱、会员号、OneID…）", "Any identifier of the person (phone, email, member number, OneID…)"),
        ("history.opt.rows", "每个聚合最多列出的明细行数", "Fact rows to list per aggregate, at most"),
        ("history.explain.norun", "标签「{0}」还没有计算过：先运行 tagcenter refresh，或用 --as-of 指定计算时间",
            "tag '{0}' has not been computed yet: run tagcenter refresh first, or give --as-of"),
        ("history.explain.stored", "存储值（按 {0} 计算，{1}）", "stored value (computed as of {0}, {1})"),
        ("history.explain.norunyet", "尚无计算", "no run yet"),
        ("history.explain.computed", "按 {0} 重新计算", "computed again as of {0}"),
        ("history.explain.upstream", "上游标签", "Upstream tags"),
        ("history.explain.fields", "读取的字段", "Fields read"),
        ("history.explain.aggregate", "行为聚合", "Behaviour aggregate"),
        ("history.explain.rows", "计入 {0:N0} 行", "{0:N0} rows counted"),
        ("history.explain.more", "… 另有 {0:N0} 行（--rows 调整）", "… {0:N0} more (see --rows)"),
        ("history.explain.source", "来源:行", "Source:line"),
        ("history.explain.time", "时间", "Time"),
        ("history.explain.none", "（无）", "(none)"),
    ];
}
