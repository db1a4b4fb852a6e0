namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts of the server's segment and analysis endpoints (<c>api.segments.</c>, <c>api.analysis.</c>, <c>api.field.</c>).</summary>
    private static (string Key, string Zh, string En)[] ApiSegments =>
    [
        ("api.field.required", "必填", "required"),
        ("api.field.bad", "{0}：{1}", "{0}: {1}"),
        ("api.field.min", "至少为 {0}", "must be at least {0}"),
        ("api.field.range", "应在 {0} 到 {1} 之间", "must be between {0} and {1}"),
        ("api.field.oneof", "应为 {0} 之一，实际是 '{1}'", "must be one of {0}, got '{1}'"),
        ("api.segments.exists", "人群 '{0}' 已存在（{1}）", "segment '{0}' already exists ({1})"),
        ("api.segments.inuse", "人群 '{0}' 正被看板 {1} 使用：请先从看板中移除", "segment '{0}' is used by board(s) {1}: remove it from them first"),
        ("api.segments.inline", "'{0}' 是写在看板文件 {1} 中的人群：请修改看板", "'{0}' is a crowd written inside the board file {1}: edit the board instead"),
        ("api.segments.rename", "请求体中的名称 '{0}' 与地址中的 '{1}' 不同：人群不能改名", "the body names '{0}' but the address names '{1}': a segment cannot be renamed"),
        ("api.segments.cursor", "cursor 不是本接口给出的值", "cursor is not one this API gave out"),
        ("api.analysis.noindex", "还没有最新的标签索引：先运行一次标签计算", "there is no current tag index: run the tags first"),
        ("api.export.parquetpii", "Parquet 导出不做脱敏，需要 pii:read 权限；请改用 format=csv（按你的权限脱敏）", "a Parquet export is not masked, so it needs pii:read; use format=csv (masked as your key allows)"),
    ];
}
