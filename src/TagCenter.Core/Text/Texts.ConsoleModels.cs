namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>The web console's model page (<c>console.models.</c>): metrics, calibration and lift, RFM matrix, clusters, output distributions.</summary>
    private static (string Key, string Zh, string En)[] ConsoleModels =>
    [
        ("console.models.logloss", "对数损失", "log loss"),
        ("console.models.precision", "精确率", "precision"),
        ("console.models.recall", "召回率", "recall"),
        ("console.models.holdoutPersons", "验证集人数", "hold-out persons"),
        ("console.models.calibration", "校准：各分位预测概率与实际比例（%）", "Calibration: predicted and actual rate per decile (%)"),
        ("console.models.lift", "提升度", "Lift"),
        ("console.models.lift.chart", "各分位提升指数（100 = 平均水平）", "Lift index per decile (100 = the average)"),
        ("console.models.decile", "分位", "Decile"),
        ("console.models.predicted", "预测", "Predicted"),
        ("console.models.actual", "实际", "Actual"),
        ("console.models.rfm", "RFM 八类客户", "RFM: the eight classes"),
        ("console.models.rfm.rf.hh", "近期活跃 · 高频", "Recent · frequent"),
        ("console.models.rfm.rf.hl", "近期活跃 · 低频", "Recent · infrequent"),
        ("console.models.rfm.rf.lh", "久未活跃 · 高频", "Lapsed · frequent"),
        ("console.models.rfm.rf.ll", "久未活跃 · 低频", "Lapsed · infrequent"),
        ("console.models.rfm.m.high", "高消费", "High spend"),
        ("console.models.rfm.m.low", "低消费", "Low spend"),
        ("console.models.clusters", "聚类", "Clusters"),
        ("console.models.cluster", "类别", "Cluster"),
        ("console.models.traits", "特征描述", "Traits"),
        ("console.models.distribution", "输出分布", "Output distribution"),
        ("console.models.stats", "均值 {0} · 最小 {1} · 最大 {2} · 合计 {3}", "mean {0} · min {1} · max {2} · sum {3}"),
        ("console.models.untrained", "这个模型还没有可用版本。", "This model has no version in use yet."),
        ("console.models.untrained.next", "运行 tagcenter model run 或等待调度训练，完成后这里显示指标。", "Run tagcenter model run or wait for its schedule; its metrics show here once trained."),
        ("console.models.publication", "{0}：运行 tagcenter plan 查看变化，apply 后生效", "{0}: see the change with tagcenter plan; it takes effect on apply"),
        ("console.models.version", "版本 v{0} · 训练于 {1} · 数据截至 {2} · {3} 人", "Version v{0} · trained {1} · data as of {2} · {3} persons"),
        ("console.models.clv", "预测总客户终身价值 {0} · 验证期预测/实际复购比 {1}", "Total predicted CLV {0} · hold-out expected/actual repeat purchases {1}"),
        ("console.models.versions", "全部版本", "Versions"),
        ("console.models.status", "状态", "Status"),
        ("console.models.trained", "训练时间", "Trained"),
    ];
}
