namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Ingest texts; keys start with <c>ingest.</c> (and <c>reason.</c> for quarantine reasons ingest adds).</summary>
    private static (string Key, string Zh, string En)[] Ingest =>
    [
        ("ingest.pg_connect", "无法连接 PostgreSQL（{0}）：{1}", "cannot connect to PostgreSQL at {0}: {1}"),
        ("ingest.pg_table_refused", "PostgreSQL（{0}）拒绝读取该表：{1}", "PostgreSQL at {0} refused the table: {1}"),
        ("ingest.pg_query_refused", "PostgreSQL（{0}）拒绝执行该查询：{1}", "PostgreSQL at {0} refused the query: {1}"),
        ("ingest.pg_read_only", "PostgreSQL（{0}）拒绝执行该查询：{1}。数据源查询在只读（read-only）事务中运行，只能读取（SELECT），不能修改数据库",
            "PostgreSQL at {0} refused the query: {1}. Source queries run in a read-only transaction: they may only read (SELECT), never change the database"),
        ("ingest.pg_one_statement", "query 只能是一条语句（one statement），而这里有 {0} 条；请删去 ';' 及其后的内容",
            "the query must be exactly one statement, but it has {0}; remove the ';' and what follows it"),
        ("ingest.pg_env_unset", "环境变量 {0}（connection_env）未设置", "environment variable {0} (connection_env) is not set"),
        ("ingest.csv_field_count", "应有 {0} 列，实际 {1} 列", "expected {0} columns, found {1}"),
        ("ingest.csv_unclosed_quote", "引号没有闭合（本行被隔离，从下一行继续读取）", "a quote is never closed (this line is set aside; reading goes on with the next line)"),
        ("ingest.csv_stray_quote", "未加引号的值中出现了引号", "a quote inside a value that is not quoted"),
        ("ingest.csv_after_quote", "闭合引号后面紧跟着其他字符（应为分隔符或换行）", "text right after a closing quote (expected the delimiter or the line end)"),
        ("ingest.csv_too_long", "记录超过 {0} 字节", "the record is longer than {0} bytes"),
        ("ingest.csv_no_column", "{2} 的表头中没有列 '{0}'（用于 '{1}'）；表头有：{3}", "column '{0}' (for '{1}') is not in the header of {2}; the header has: {3}"),
        ("ingest.csv_column_number", "列 '{0}' 必须写 'from: <从 1 开始的列号>'（1..{1}），因为文件没有表头", "column '{0}' must say 'from: <1-based column number>' (1..{1}) because the file has no header"),
        ("ingest.csv_header_too_long", "{0} 第 1 行：表头超过 {1} 字节；分隔符（delimiter）设置对吗？", "{0} line 1: the header is longer than {1} bytes; is the delimiter right?"),
        ("ingest.csv_empty", "{0} 是空文件：应有表头行", "{0} is empty: expected a header line"),
        ("ingest.not_utf8", "{0} 不是有效的 UTF-8（第一个错误字节在第 {1} 行）；如果是 GBK/GB18030 导出的文件，请在数据源上设置 'encoding: gbk'",
            "{0} is not valid UTF-8 (first bad byte on line {1}); if it is a GBK/GB18030 export, set 'encoding: gbk' on the source"),
        ("ingest.file_not_found", "找不到文件（file not found）：{0}", "file not found: {0}"),
        ("ingest.bad_encoding", "{0} 第 {1} 行：有不是有效 {2} 编码的字节（文件被截断或混用了编码？）", "{0} line {1}: bytes that are not valid {2} (a truncated or mixed-encoding file?)"),
        ("ingest.truncated_character", "{0} 在一个字符的中间结束（第 {1} 行）；文件看起来被截断（truncated）了", "{0} ends in the middle of a character (line {1}); the file looks truncated"),
        ("ingest.too_many_rejects", "{1:N0} 行中有 {0:N0} 行未通过（超过 max_reject_ratio {2:P0}）；没有加载任何数据。主要原因：{3}。请检查分隔符、编码和列类型",
            "{0:N0} of {1:N0} rows failed (over max_reject_ratio {2:P0}); nothing was loaded. Top reasons: {3}. Check the delimiter, the encoding and the column types."),
        ("ingest.would_empty", "这次加载会清空该数据源：现有 {0:N0} 行，新数据 0 行；没有做任何修改。如果新文件确实是对的，请加 --allow-shrink 再加载一次",
            "this load would empty the source: it has {0:N0} rows now and the new data has none; nothing was changed. If the new file is right, load again with --allow-shrink"),
        ("ingest.would_shrink", "这次加载会让数据源从 {0:N0} 行减少到 {1:N0} 行（减少 {2:P0}，超过 max_shrink {3:P0}）；没有做任何修改。如果新文件确实是对的，请加 --allow-shrink 再加载一次",
            "this load would shrink the source from {0:N0} to {1:N0} rows (−{2:P0}, more than max_shrink {3:P0}); nothing was changed. If the new file is right, load again with --allow-shrink"),
        ("ingest.unknown_source", "未知的数据源 '{0}'{1}（数据源：{2}）", "unknown source '{0}'{1} (sources: {2})"),
        ("reason.json_not_scalar", "JSON 字段是对象或数组，而声明的是单个值", "JSON object or array where a single value is declared"),
        ("ingest.json_not_object", "不是 JSON 对象", "not a JSON object"),
        ("ingest.json_not_scalar", "字段 '{0}' 是 JSON 对象或数组，而该列声明的是单个值；请用 from: 指向其中的字段（如 a.b）", "field '{0}' is a JSON object or array where the column holds one value; point 'from:' at a field inside it (a.b)"),
        ("ingest.parquet_unreadable", "{0} 不是可读取的 Parquet 文件（{1}）；文件可能不完整或已损坏：请重新导出或完整复制后再加载",
            "{0} is not a readable Parquet file ({1}); it may be incomplete or damaged: export or copy it again, whole, and load again"),
        ("ingest.parquet_read_failed", "读取 {0} 失败（{1}）；文件可能被截断或已损坏：请重新导出后再加载",
            "{0} could not be read ({1}); the file may be truncated or damaged: export it again and load again"),
        ("ingest.parquet_no_column", "{0} 中没有列 {1}；已有的列：{2}", "{0} has no column {1}; it has: {2}"),
        ("ingest.engine_failed", "读取并清洗 {0} 时出错（{1}）；之前的数据保持不变。请检查文件是否完整、列是否与声明一致；设置 TAGCENTER_TRACE_SQL=1 可查看执行的语句",
            "loading {0} failed ({1}); the previous data is unchanged. Check that the file is complete and its columns match the declaration; TAGCENTER_TRACE_SQL=1 shows the statements run"),
        ("ingest.pg_no_column", "{0} 返回的结果中没有列 '{1}'；已有的列：{2}", "the result from {0} has no column '{1}'; it has: {2}"),
    ];
}
