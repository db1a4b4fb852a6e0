namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Identity texts; keys start with <c>identity.</c> (the CLI's own <c>identity.*</c> keys live in Texts.Cli.cs).</summary>
    private static (string Key, string Zh, string En)[] Identity =>
    [
        ("identity.err.giant",
            "身份统一已停止：一个人将包含 {0:N0} 个标识（max_component_size 为 {1:N0}）。连接最多的值：{2}。请把其中的垃圾值加入 identity.blocklist（如确属实情，可调高上限），然后重新运行。未做任何修改。",
            "identity stopped: one person would hold {0:N0} identifiers (max_component_size is {1:N0}). The most connected values are: {2}. Add the junk ones to identity.blocklist (or raise the limit if this is real), then run again. Nothing was changed."),
        ("identity.err.unknown_type",
            "identity.types 中的标识类型 '{0}' 未知（请先在 'identifiers:' 下声明）",
            "unknown identifier type '{0}' in identity.types (declare it under 'identifiers:' first)"),
        ("identity.err.limit", "limit 必须在 1 到 250 之间", "limit must be between 1 and 250"),
        ("identity.err.priority", "priority 必须在 0（最强）到 63 之间", "priority must be between 0 (strongest) and 63"),
        ("identity.err.pattern", "'{0}' 不是有效的正则表达式：{1}", "'{0}' is not a valid regular expression: {1}"),
        ("identity.err.max_size", "max_component_size 至少为 2", "max_component_size must be at least 2"),
        ("identity.err.golden_from", "identity.golden.{1} 中的 '{0}' 不是已声明的 数据源.列", "'{0}' in identity.golden.{1} is not a declared source.column"),
        ("identity.err.golden_empty", "identity.golden.{0} 需要 'from: [数据源.列, ...]'", "identity.golden.{0} needs 'from: [source.column, ...]'"),
        ("identity.err.blocklist",
            "identity.blocklist 须为值列表（追加到内置值），或 {{ values: [...], replace_defaults: true }}",
            "identity.blocklist must be a list of values (added to the built-in ones) or {{ values: [...], replace_defaults: true }}"),
        ("identity.history.merged", "其标识现已与 {0} 相连", "its identifiers are now linked to {0}"),
        ("identity.history.split_conflicts", "连接被切断（类型上限冲突或数据行变化）", "links cut (limit conflicts or changed rows)"),
        ("identity.history.split_removed", "连接被移除（数据行变化或值被列入黑名单）", "links removed (rows changed or values blocklisted)"),
    ];
}
