namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Field inventory and tag suggestion texts; keys start with <c>fields.</c> and <c>suggest.</c>.</summary>
    private static (string Key, string Zh, string En)[] Fields =>
    [
        ("fields.cmd", "字段盘点：每个数据源与事实表的每个字段的类型、覆盖、去重数、取值、清洗损失、用途与分类", "The field inventory: every column of every source and fact with type, coverage, distinct values, values, cleansing losses, users and class"),
        ("fields.opt.out", "把 field-inventory.md 与 field-inventory.csv 写入此目录", "Write field-inventory.md and field-inventory.csv into this folder"),
        ("fields.none", "还没有已加载的数据表；先运行 tagcenter load 或 tagcenter refresh", "no table is loaded yet; run tagcenter load or tagcenter refresh first"),
        ("fields.summary", "{0} 张表 · {1} 个字段：核心 {2} · 辅助 {3} · 冗余 {4} · 用时 {5:0.00}s", "{0} tables · {1} fields: core {2} · auxiliary {3} · redundant {4} · in {5:0.00}s"),
        ("fields.written", "已写出 {0} 与 {1}", "Wrote {0} and {1}"),
        ("fields.top", "字段盘点（每张表的前几个字段；完整清单：tagcenter fields -w {0}）", "Field inventory (the first fields of each table; all of them: tagcenter fields -w {0})"),
        ("fields.col.column", "字段", "Column"),
        ("fields.col.type", "类型", "Type"),
        ("fields.col.null", "空值", "Null"),
        ("fields.col.distinct", "去重数", "Distinct"),
        ("fields.col.values", "取值", "Values"),
        ("fields.col.cleansing", "隔离/置空", "Quarantined/nulled"),
        ("fields.col.class", "分类", "Class"),
        ("fields.col.evidence", "依据", "Evidence"),
        ("fields.approx", "~ 为 HyperLogLog 估计值（去重数 ≥ {0:N0}），其余为精确值", "~ marks a HyperLogLog estimate (distinct ≥ {0:N0}); the others are exact"),
        ("fields.class.core", "核心", "core"),
        ("fields.class.auxiliary", "辅助", "auxiliary"),
        ("fields.class.redundant", "冗余", "redundant"),
        ("fields.ev.key", "统一模型的键", "key of the unified model"),
        ("fields.ev.identifier", "标识类型 {0}", "identifier {0}"),
        ("fields.ev.golden", "黄金字段 {0}", "golden field {0}"),
        ("fields.ev.tags", "被标签使用：{0}", "used by tags: {0}"),
        ("fields.ev.empty", "{0:N0} 行中没有任何值", "no value in {0:N0} rows"),
        ("fields.ev.constant", "只有一个取值：{0}", "a single value: {0}"),
        ("fields.ev.copy", "与 {0} 在 {1:0.0%} 的行中取值相同", "same value as {0} in {1:0.0%} of rows"),
        ("fields.ev.coverage", "{0:0%} 的行有值，尚未使用", "filled in {0:0%} of rows, not used yet"),
        ("fields.ev.lowcoverage", "只有 {0:0%} 的行有值，尚未使用", "filled in only {0:0%} of rows, not used yet"),
    ];
}
