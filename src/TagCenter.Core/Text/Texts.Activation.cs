namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for activation: triggers, deliveries, experiments, tag evaluation; keys start with <c>activation.</c>.</summary>
    private static (string Key, string Zh, string En)[] Activation =>
    [
        ("activation.what.trigger", "触发器文件", "trigger file"),
        ("activation.what.experiment", "实验文件", "experiment file"),
        ("activation.file.empty", "文件是空的", "the file is empty"),
        ("activation.trigger.unknown", "没有名为 '{0}' 的触发器{1}（已有：{2}）", "no trigger named '{0}'{1} (triggers: {2})"),
        ("activation.trigger.twice", "触发器 '{0}' 定义了两次（另一处在 {1}）", "trigger '{0}' is defined twice (also in {1})"),
        ("activation.experiment.unknown", "没有名为 '{0}' 的实验{1}（已有：{2}）", "no experiment named '{0}'{1} (experiments: {2})"),
        ("activation.when.one", "'when' 需要且只能有一种条件：enters、leaves、rule、tag + crosses、size_change 或 schedule", "'when' needs exactly one condition: enters, leaves, rule, tag + crosses, size_change or schedule"),
        ("activation.segment.unknown", "没有名为 '{0}' 的人群{1}（已有：{2}）", "no segment named '{0}'{1} (segments: {2})"),
        ("activation.tag.unknown", "没有名为 '{0}' 的标签{1}", "no tag named '{0}'{1}"),
        ("activation.tag.not_number", "标签 '{0}' 不是数值型，不能用 crosses", "tag '{0}' is not a number, so it cannot cross a value"),
        ("activation.percent.bad", "percent 必须是大于 0 的百分比", "percent must be a percentage above 0"),
        ("activation.cron.bad", "'{0}' 不是有效的 cron 表达式（5 段，例如 \"0 8 * * *\"）", "'{0}' is not a valid cron expression (5 fields, e.g. \"0 8 * * *\")"),
        ("activation.cap.bad", "频控 '{0}' 无效：写成 '<次数> per <时长>'，次数至少 1，例如 '1 per 7d'", "cap '{0}' makes no sense: write '<count> per <duration>' with a count of at least 1, e.g. '1 per 7d'"),
        ("activation.quiet.bad", "免打扰时段 '{0}' 无效：写成 'HH:mm-HH:mm'，起止不能相同，例如 '22:00-08:00'", "quiet hours '{0}' make no sense: write 'HH:mm-HH:mm' with different start and end, e.g. '22:00-08:00'"),
        ("activation.segment_level", "人群规模告警与定时推送针对整个人群，不能设置按人的频控或授权", "size alerts and scheduled pushes concern a whole segment: a per-person cap or consent does not apply"),
        ("activation.action.missing", "需要 'action:' 或 'actions:'", "'action:' or 'actions:' is required"),
        ("activation.action.one", "一个动作只能是 webhook、file、task、message 之一", "an action is exactly one of webhook, file, task, message"),
        ("activation.url.scheme", "'{0}' 不是 http(s) 地址", "'{0}' is not an http(s) URL"),
        ("activation.url.local", "'{0}' 指向本机或本服务：为防止 SSRF 不允许（测试时可写 allow_local: true）", "'{0}' points at this machine or this server, which is refused (SSRF); write allow_local: true for tests"),
        ("activation.format.bad", "文件格式 '{0}' 不支持：csv 或 parquet", "file format '{0}' is not supported: csv or parquet"),
        ("activation.task.who", "任务需要 assignee 或 queue", "a task needs an assignee or a queue"),
        ("activation.arm.percent", "比例必须在 0 到 100 之间", "a share must be between 0 and 100"),
        ("activation.arms.missing", "需要 'arms:'：各实验组的 name、percent 与 action", "'arms:' is required: each arm's name, percent and action"),
        ("activation.arms.over", "各组与对照组合计 {0}%，超过 100%", "the arms and the holdout add up to {0}%, over 100%"),
        ("activation.arms.names", "实验组名称不能重复，也不能叫 holdout", "arm names must be unique and not 'holdout'"),
        ("activation.goal.bad", "goal 需要 event（加 within）或 tag 加 value 之一", "goal needs either an event (with within) or a tag with a value"),
        ("activation.within.bad", "时长 '{0}' 无效，例如 30d", "duration '{0}' is not valid, e.g. 30d"),
        ("activation.start.bad", "开始日期 '{0}' 无效，例如 2026-10-01", "start date '{0}' is not valid, e.g. 2026-10-01"),
        ("activation.mde.bad", "mde（最小可检测提升）必须在 0 和 1 之间，例如 0.02 表示 2 个百分点", "mde (minimum detectable effect) must be between 0 and 1, e.g. 0.02 for two percentage points"),
    ];
}
