using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tests.Ingest;

public sealed class JsonlParquetLoadTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    [Fact]
    public async Task Load_Jsonl_NestedFieldsAndBrokenLinesQuarantined()
    {
        _workspace.WithFile("events.jsonl", """
            {"event_id":"e1","event":"page_view","device_id":"d-1","ts":1704420000000,"properties":{"amount":"12.5元","城市":"上海市"}}
            {"event_id":"e2","event":"order_paid","device_id":"d-2","ts":"2024-01-05 10:00:00","properties":{"amount":1250}}
            {"event_id":"e3", broken
            [1,2,3]

            {"event_id":"e4","event":"page_view","device_id":"d-3","ts":"garbage"}
            """).WithYaml("""
            sources:
              events:
                kind: jsonl
                path: events.jsonl
                event_time: ts
                max_reject_ratio: 1
                columns:
                  event_id: { required: true }
                  event: { required: true }
                  device_id: { identifier: device_id }
                  ts: { type: timestamp, required: true }
                  amount: { from: properties.amount, type: decimal }
                  city: { from: properties.城市, type: city }
            """);

        var report = await _workspace.LoadAsync("events");

        report.Read.ShouldBe(5);
        report.Loaded.ShouldBe(2);
        report.Quarantined.ShouldBe(3);
        _workspace.Rows("SELECT _line, event_id, amount, city FROM src_events ORDER BY _line")
            .ShouldBe([[1L, "e1", 12.50m, "上海"], [2L, "e2", 1250.00m, null]]);
        _workspace.Rows("SELECT line, reason FROM quarantine ORDER BY line")
            .ShouldBe([[3L, "json_invalid"], [4L, "json_invalid"], [6L, "date_unparseable"]]);
    }

    [Fact]
    public async Task Load_Parquet_TypedColumnsRowNumbers()
    {
        _workspace.WithYaml("""
            sources:
              orders:
                kind: parquet
                path: orders.parquet
                dedupe: [order_id]
                max_reject_ratio: 1
                columns:
                  order_id: { required: true }
                  amount: { from: amount_fen, type: decimal, unit: fen, min: 0 }
                  paid_at: { type: timestamp }
            """);
        var file = Path.Combine(_workspace.Root, "orders.parquet").Replace("'", "''");
        _workspace.Database.Execute($"""
            COPY (SELECT * FROM (VALUES ('o1', 12345, TIMESTAMP '2024-01-05 10:00:00'), ('o2', -5, NULL), ('o1', 1, NULL))
                  t(order_id, amount_fen, paid_at)) TO '{file}' (FORMAT parquet)
            """);

        var report = await _workspace.LoadAsync("orders");

        report.Loaded.ShouldBe(1);
        report.Quarantined.ShouldBe(2);
        _workspace.Rows("SELECT _line, order_id, amount, paid_at FROM src_orders")
            .ShouldBe([[1L, "o1", 123.45m, new DateTime(2024, 1, 5, 10, 0, 0)]]);
    }

    [Fact]
    public async Task Load_ParquetMissingColumn_ListsColumns()
    {
        _workspace.WithYaml("""
            sources:
              orders: { kind: parquet, path: orders.parquet, columns: { order_no: {} } }
            """);
        var file = Path.Combine(_workspace.Root, "orders.parquet").Replace("'", "''");
        _workspace.Database.Execute($"COPY (SELECT 'o1' AS order_id) TO '{file}' (FORMAT parquet)");

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("orders"));

        error.Message.ShouldContain("'order_no'");
        error.Message.ShouldContain("order_id");
    }

    [Fact]
    public async Task Load_CorruptParquet_ClearError()
    {
        _workspace.WithFile("orders.parquet", "PAR1 this is not parquet").WithYaml("""
            sources:
              orders: { kind: parquet, path: orders.parquet, columns: { order_id: {} } }
            """);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("orders"));

        error.Message.ShouldContain("orders.parquet");
    }

    public void Dispose() => _workspace.Dispose();
}
