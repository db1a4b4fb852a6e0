namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for governance: the control store, users, roles and API keys, the audit log, drafts and review.</summary>
    private static (string Key, string Zh, string En)[] Governance =>
    [
        ("governance.store.unknown", "无法识别的存储 {0}（可用：postgres://用户:密码@主机:端口/库，或 sqlite:路径；不填则用工作区里的 SQLite）",
            "unknown store {0} (use postgres://user:password@host:port/database or sqlite:<path>; none: SQLite in the workspace)"),
        ("governance.store.open", "无法打开控制存储 {0}：{1}", "cannot open the control store {0}: {1}"),
    ];
}
