using System.Globalization;
using System.Text;

namespace TagCenter.Core.Fields;

/// <summary>The field inventory as Markdown for people and CSV for spreadsheets, beside the tag dictionary.</summary>
public static class FieldInventoryExport
{
    private static readonly string[] Header =
    [
        "表 table", "字段 column", "类型 type", "行数 rows", "空值 null", "空串 empty", "去重数 distinct", "最小 min", "最大 max", "常见值 top values",
        "隔离 quarantined", "置空 nulled", "标识类型 identifier", "黄金字段 golden", "标签 tags", "分类 class", "依据 evidence",
    ];

    /// <summary>A distinct count as shown: "~" marks a HyperLogLog estimate.</summary>
    public static string Distinct(FieldStats s) => (s.DistinctExact ? "" : "~") + s.Distinct.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The commonest values with their share of the table's rows, e.g. "paid 91.2% · refunded 6.1%".</summary>
    public static string Top(FieldStats s, int count = 5) =>
        string.Join(" · ", s.Top.Take(count).Select(v => $"{v.Value} {Percent(s.Rows == 0 ? 0 : (double)v.Rows / s.Rows)}"));

    public static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string ClassName(FieldClass c) => c.ToString().ToLowerInvariant();

    private static string[] Row(FieldProfile p) =>
    [
        p.Table, p.Column, p.Stats.SqlType, p.Stats.Rows.ToString(CultureInfo.InvariantCulture), Percent(p.NullShare), Percent(p.EmptyShare), Distinct(p.Stats),
        p.Stats.Min ?? "", p.Stats.Max ?? "", Top(p.Stats), Percent(p.Quarantined), Percent(p.Nulled), p.Usage.Identifier ?? "",
        string.Join(", ", p.Usage.Golden), string.Join(", ", p.Usage.Tags), ClassName(p.Class), string.Join("; ", p.Evidence),
    ];

    public static string Markdown(IReadOnlyList<FieldProfile> fields)
    {
        var text = new StringBuilder("# 字段盘点 · Field inventory\n\n");
        foreach (var table in fields.GroupBy(f => f.Table))
        {
            text.Append("## ").Append(table.Key).Append(" (").Append(table.First().Source).Append(")\n\n| ")
                .AppendJoin(" | ", Header.Skip(1)).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", Header.Length - 1))).Append('\n');
            foreach (var field in table)
                text.Append("| ").AppendJoin(" | ", Row(field).Skip(1).Select(Cell)).Append(" |\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Csv(IReadOnlyList<FieldProfile> fields)
    {
        var text = new StringBuilder();
        text.AppendJoin(",", Header.Select(Quote)).Append("\r\n");
        foreach (var field in fields)
            text.AppendJoin(",", Row(field).Select(Quote)).Append("\r\n");
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
