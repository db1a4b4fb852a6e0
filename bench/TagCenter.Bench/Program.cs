using DuckDB.NET.Data;
using System.Diagnostics;
using var c = new DuckDBConnection("DataSource=/tmp/probe/x.duckdb");
c.Open();
void Q(string sql) {
  var sw = Stopwatch.StartNew();
  try {
    using var cmd = c.CreateCommand(); cmd.CommandText = sql;
    using var r = cmd.ExecuteReader();
    do { while (r.Read()) { var vals = new object[r.FieldCount]; r.GetValues(vals); Console.WriteLine(string.Join(" | ", vals.Select(v => v?.ToString()?.Replace("\n","\\n")))); } } while (r.NextResult());
  } catch (Exception e) { Console.WriteLine("ERR " + e.Message); }
  Console.WriteLine($"-- {sw.ElapsedMilliseconds} ms");
}
Q("copy (select range+1 as n, 'name'||range as nm, '138'||lpad((range%100000000)::varchar,8,'0') as phone, (range%1000)/7.0 as amount, '2024-01-0'||(range%9+1) as d from range(2000000)) to '/tmp/probe/big.csv'");
Q("create or replace table t1 as select * from read_csv('/tmp/probe/big.csv')");
Q("create or replace table t2 as select row_number() over () as _row, * from read_csv('/tmp/probe/big.csv', all_varchar=true, header=true, auto_detect=false, columns={'n':'VARCHAR','nm':'VARCHAR','phone':'VARCHAR','amount':'VARCHAR','d':'VARCHAR'}, store_rejects=true)");
Q("select count(*) from t2 where _row <> n::bigint");
Q("create or replace table t3 as select * from read_csv('/tmp/probe/big.csv', all_varchar=true, header=true, auto_detect=false, columns={'n':'VARCHAR','nm':'VARCHAR','phone':'VARCHAR','amount':'VARCHAR','d':'VARCHAR'}, store_rejects=true)");
