namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for models (models/*.yaml, RFM, CLV, preferences, `tagcenter model`); keys start with <c>models.</c>.</summary>
    private static (string Key, string Zh, string En)[] Models =>
    [
        ("models.train.failed", "模型 {0} 训练失败：{1}；继续使用上一个版本", "model {0} failed to train: {1}; the previous version stays in use"),
        ("models.fit.noconverge", "{0} 的优化在 {1} 次迭代内没有收敛", "the {0} optimiser did not converge within {1} iterations"),
        ("models.fit.diverged", "{0} 的参数估计发散（无穷大或不可用的值）", "the {0} parameters diverged (infinite or unusable values)"),
        ("models.fit.badinput", "输入无效：x={0}, t_x={1}, T={2}（需为有限值且 0 ≤ t_x ≤ T）", "invalid input: x={0}, t_x={1}, T={2} (must be finite with 0 ≤ t_x ≤ T)"),
        ("models.fit.badamount", "复购平均金额无效：{0}（需为正的有限值）", "invalid mean repeat amount: {0} (must be positive and finite)"),
        ("models.fit.fewpersons", "只有 {0} 个客户，至少需要 {1} 个", "only {0} customers; at least {1} are needed"),
        ("models.fit.fewrepeat", "只有 {0} 个客户有复购，至少需要 {1} 个", "only {0} customers made a repeat purchase; at least {1} are needed"),
        ("models.catalog.twice", "模型 {0} 重复定义（已在 {1} 中定义）", "model {0} is declared twice (first in {1})"),
        ("models.catalog.notag", "模型 {0} 的输出标签 {1} 不存在{2}", "model {0}: output tag {1} does not exist{2}"),
        ("models.catalog.notmodel", "模型 {0} 的输出标签 {1} 是 {2} 标签，只能输出到 kind: model 的标签", "model {0}: output tag {1} is a {2} tag; models fill only kind: model tags"),
        ("models.catalog.type", "模型 {0} 的输出 {1} 是 {2}，但标签 {3} 的类型是 {4}", "model {0}: output {1} is {2} but tag {3} has type {4}"),
        ("models.catalog.filledtwice", "标签 {0} 同时由模型 {1} 和 {2} 输出", "tag {0} is filled by both model {1} and model {2}"),
        ("models.parse.output", "模型 {0} 没有输出 {1}{2}（可用：{3}）", "model {0} has no output {1}{2} (known: {3})"),
        ("models.parse.nooutputs", "模型 {0} 需要 outputs：把输出（{1}）映射到模型标签", "model {0} needs outputs: map its outputs ({1}) to model tags"),
        ("models.parse.column", "模型 {0}：{1} 不是有效的列名", "model {0}: {1} is not a valid column name"),
        ("models.parse.range", "模型 {0}：{1} 应为 {2} 到 {3} 之间的整数", "model {0}: {1} must be a whole number from {2} to {3}"),
        ("models.parse.choice", "模型 {0}：{1} 不能是 {2}（可选：{3}）", "model {0}: {1} cannot be {2} (choose: {3})"),
        ("models.parse.discount", "模型 {0}：discount_rate 是年折现率，应在 0 到 1 之间（如 0.1）", "model {0}: discount_rate is an annual rate from 0 to 1 (e.g. 0.1)"),
        ("models.parse.thresholds", "模型 {0}：阈值 {1} 需要 4 个严格递增的数", "model {0}: thresholds {1} need 4 strictly increasing numbers"),
        ("models.fit.nodata", "{0} 中没有可用的数据（检查 where 条件、窗口和 as-of 时间）", "no usable rows in {0} (check the where filters, the window and the as-of time)"),
        ("models.run.nofact", "事实表 fact_{0} 不存在（先运行 load / refresh）", "fact table fact_{0} does not exist (run load / refresh first)"),
        ("models.run.nocolumn", "{0} 没有列 {1}{2}", "{0} has no column {1}{2}"),
        ("models.run.ok", "模型 {0} 版本 {1}：{2} 人", "model {0} version {1}: {2} persons"),
    ];
}
