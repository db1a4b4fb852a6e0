namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>The web console's governance page (<c>console.governance.</c>): drafts with their impact, users, keys, roles, the audit log.</summary>
    private static (string Key, string Zh, string En)[] ConsoleGovernance =>
    [
        ("console.yes", "是", "Yes"),
        ("console.no", "否", "No"),
        ("console.governance.me", "当前身份：{0} · 角色 {1} · 业务线 {2}", "Signed in as {0} · role {1} · business line {2}"),
        ("console.governance.allLines", "全部业务线", "every line"),
        ("console.governance.by", "{0} 提交于 {1}", "proposed by {0} at {1}"),
        ("console.governance.reviewed", "审核人 {0} {1}", "reviewed by {0} {1}"),
        ("console.governance.status.pending", "待审核", "Pending"),
        ("console.governance.status.approved", "已发布", "Approved"),
        ("console.governance.status.rejected", "已驳回", "Rejected"),
        ("console.governance.impact", "影响（按 {0} 的数据）", "Impact (on the data of {0})"),
        ("console.governance.blocked", "现在发布会被阻止：工作区有错误，请先修正。", "Publishing now would be blocked: the workspace has errors to fix first."),
        ("console.governance.impact.action", "变更", "Change"),
        ("console.governance.impact.tag", "标签", "Tag"),
        ("console.governance.impact.persons", "值变化人数", "Persons whose value changes"),
        ("console.governance.impact.dependents", "受影响的下游", "Dependents"),
        ("console.governance.impact.segment", "人群", "Segment"),
        ("console.governance.impact.before", "发布前", "Before"),
        ("console.governance.impact.after", "发布后", "After"),
        ("console.governance.impact.change", "变化", "Change"),
        ("console.governance.impact.none", "发布不会改变任何标签值或人群规模。", "Publishing changes no tag value and no segment size."),
        ("console.governance.users", "用户", "Users"),
        ("console.governance.roles", "角色与权限", "Roles"),
        ("console.governance.roles.help", "每个角色的密钥能做什么（读取、修改、管理、上报事件），以及能审核哪些草稿。业务线与个人信息权限另外限制能看到的数据。", "What each role's keys may do (read, write, administer, send events) and which drafts its holders review. Business line and the PII right further limit the data they see."),
        ("console.governance.reviews", "可审核草稿", "Reviews drafts of"),
        ("console.governance.adminOnly", "只有管理员密钥能查看这一页。", "Only an admin key can see this."),
        ("console.governance.name", "名称", "Name"),
        ("console.governance.role", "角色", "Role"),
        ("console.governance.scopes", "权限范围", "Scopes"),
        ("console.governance.line", "业务线", "Business line"),
        ("console.governance.pii", "可读个人信息", "Reads PII"),
        ("console.governance.created", "创建于", "Created"),
        ("console.governance.key", "密钥", "Key"),
        ("console.governance.revoked", "吊销于", "Revoked"),
        ("console.governance.audit.empty", "审计日志为空。", "The audit log is empty."),
        ("console.governance.audit.at", "时间", "At"),
        ("console.governance.audit.actor", "操作人", "Actor"),
        ("console.governance.audit.action", "操作", "Action"),
        ("console.governance.audit.target", "对象", "Target"),
        ("console.governance.audit.change", "变更", "Change"),
    ];
}
