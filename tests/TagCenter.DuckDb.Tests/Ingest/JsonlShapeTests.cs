using Shouldly;

namespace TagCenter.DuckDb.Tests.Ingest;

public sealed class JsonlShapeTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    [Fact]
    public async Task Load_ObjectOrArrayWhereScalarDeclared_QuarantinedWithReason()
    {
        _workspace.WithFile("e.jsonl", """
            {"id":"a","n":1}
            {"id":{"nested":1},"n":2}
            {"id":"c","n":[1,2]}
            {"id":"d","n":null}
            """).WithYaml("""
            sources:
              e:
                kind: jsonl
                path: e.jsonl
                max_reject_ratio: 1
                columns:
                  id: { required: true }
                  n: { type: int }
            """);

        var report = await _workspace.LoadAsync("e");

        (report.Read, report.Loaded, report.Quarantined).ShouldBe((4L, 2L, 2L));
        _workspace.Rows("SELECT _line, id FROM src_e ORDER BY _line").ShouldBe([[1L, "a"], [4L, "d"]]);
        _workspace.Rows("""SELECT line, "column", reason, raw_value FROM quarantine ORDER BY line""")
            .ShouldBe([[2L, "id", "json_not_scalar", """{"nested":1}"""], [3L, "n", "json_not_scalar", "[1,2]"]]);
    }

    public void Dispose() => _workspace.Dispose();
}
