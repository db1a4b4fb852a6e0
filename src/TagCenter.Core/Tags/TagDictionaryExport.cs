using System.Text;

namespace TagCenter.Core.Tags;

/// <summary>The tag dictionary (标签字典) as Markdown for people and CSV for spreadsheets.</summary>
public static class TagDictionaryExport
{
    private static readonly string[] Header =
        ["路径 path", "标签 tag", "编码 code", "类型 kind", "值类型 type", "单位 unit", "取值 values", "说明 description", "口径 definition", "规则 rule", "负责人 owner", "业务线 business line", "更新频率 refresh", "状态 status"];

    private static string[] Row(TagDefinition t) =>
    [
        string.Join("/", t.Path), t.Name, t.Code, t.Kind.ToString().ToLowerInvariant(), t.Type.ToString().ToLowerInvariant(), t.Unit ?? "",
        string.Join(" / ", t.Values), t.Description ?? "", t.Definition ?? "", t.Rule ?? "", t.Owner ?? "", t.BusinessLine, t.Refresh, t.Status,
    ];

    public static string Markdown(TagCatalog catalog)
    {
        var text = new StringBuilder("# 标签字典 · Tag dictionary\n\n");
        foreach (var group in catalog.Tags.GroupBy(t => string.Join(" / ", t.Path)))
        {
            text.Append("## ").Append(group.Key).Append("\n\n| ").AppendJoin(" | ", Header.Skip(1)).Append(" |\n|")
                .Append(string.Concat(Enumerable.Repeat("---|", Header.Length - 1))).Append('\n');
            foreach (var tag in group)
                text.Append("| ").AppendJoin(" | ", Row(tag).Skip(1).Select(Cell)).Append(" |\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Csv(TagCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendJoin(",", Header.Select(Quote)).Append("\r\n");
        foreach (var tag in catalog.Tags)
            text.AppendJoin(",", Row(tag).Select(Quote)).Append("\r\n");
        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings("<br>").TrimEnd('<', 'b', 'r', '>');

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
