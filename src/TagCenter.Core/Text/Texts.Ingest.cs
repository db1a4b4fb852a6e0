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
        ("ingest.pg_no_column", "{0} 返回的结果中没有列 '{1}'；已有的列：{2}", "the result from {0} has no column '{1}'; it has: {2}"),
    ];
}
