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
    ];
}
