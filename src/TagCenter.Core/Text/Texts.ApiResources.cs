namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts of the server's resource endpoints: tags, profiles, runs, plan/apply, models, status (<c>res.</c>).</summary>
    private static (string Key, string Zh, string En)[] ApiResources =>
    [
        ("res.run.unknown", "没有运行 {0}", "no run {0}"),
        ("res.run.busy", "已有运行 {0} 在进行中；等它结束或取消它（DELETE /api/v1/runs/{0}）", "run {0} is in progress; wait for it or cancel it (DELETE /api/v1/runs/{0})"),
        ("res.run.kind", "kind 必须是 refresh 或 run，而不是 {0}", "kind must be refresh or run, not {0}"),
        ("res.run.asof", "as_of {0} 无效：{1}", "as_of {0} is invalid: {1}"),
        ("res.run.body", "请求体必须是 JSON 对象：{\"kind\":\"refresh\"|\"run\", \"tags\":[…], \"as_of\":\"…\"}", "the body must be a JSON object: {\"kind\":\"refresh\"|\"run\", \"tags\":[…], \"as_of\":\"…\"}"),
        ("res.run.tags", "只有 run 可以指定 tags", "only a run takes tags"),
        ("res.run.unknowntag", "tags 中有未发布的标签 {0}", "tags names {0}, which is not a published tag"),
        ("res.run.cancelled", "运行已取消", "the run was cancelled"),
        ("res.run.finished", "运行 {0} 已结束，无法取消", "run {0} has already finished and cannot be cancelled"),
        ("res.plan.blocked", "计划被阻止，未应用：{0}", "the plan is blocked and was not applied: {0}"),
        ("res.events.count", "events 必须在 0 到 {0} 之间", "events must be between 0 and {0}"),
        ("res.format", "format 必须是 json 或 csv，而不是 {0}", "format must be json or csv, not {0}"),
    ];
}
