namespace TagCenter.Core.Sql;

/// <summary>Quoting for the few places where a name or a workspace constant must appear in SQL text.</summary>
public static class SqlText
{
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
