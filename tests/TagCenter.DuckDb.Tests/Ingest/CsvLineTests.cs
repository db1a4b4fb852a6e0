using System.Text;
using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>
/// Counts and line numbers pinned to the file as a person counts it: read = data lines, one quarantine row per
/// bad record, physical line numbers whatever the line endings and broken quotes.
/// </summary>
public sealed class CsvLineTests : IDisposable
{
    private const string Yaml = """
        sources:
          m:
            kind: csv
            path: m.csv
            max_reject_ratio: 0.5
            columns:
              id: { required: true }
              phone: { type: phone }
              city: { type: city }
        """;

    private readonly TestWorkspace _workspace = new();

    private List<(long Line, string Id)> Loaded() =>
        _workspace.Rows("SELECT _line, id FROM src_m ORDER BY _line").Select(r => ((long)r[0]!, (string)r[1]!)).ToList();

    private List<(long Line, string Reason)> Quarantined() =>
        _workspace.Rows("SELECT line, reason FROM quarantine ORDER BY line").Select(r => ((long)r[0]!, (string)r[1]!)).ToList();

    private TestWorkspace With(string content)
    {
        File.WriteAllBytes(Path.Combine(_workspace.Root, "m.csv"), new UTF8Encoding(false).GetBytes(content));
        return _workspace.WithYaml(Yaml);
    }

    [Fact]
    public async Task Load_ShortAndLongRow_OneQuarantineRowEach()
    {
        // 4 data lines (file lines 2-5): line 3 has one column too few, line 4 two too many.
        With("id,phone,city\nA,13800138000,上海\nB,13800138001\nC,13800138002,上海,x,y\nD,13800138003,北京\n");

        var report = await _workspace.LoadAsync("m");

        (report.Read, report.Loaded, report.Quarantined).ShouldBe((4L, 2L, 2L));
        Loaded().ShouldBe([(2L, "A"), (5L, "D")]);
        Quarantined().ShouldBe([(3L, "malformed_row"), (4L, "malformed_row")]);
    }

    [Theory]
    [InlineData("\r\n", "\n")]
    [InlineData("\r\n", "")]
    [InlineData("\n", "\r\n")]
    public async Task Load_MixedLineEndings_EveryRowAtItsLine(string newline, string last)
    {
        With($"id,phone,city{newline}A,13800138000,上海{newline}B,13800138001,北京{newline}C,13800138002,广州{last}");

        var report = await _workspace.LoadAsync("m");

        (report.Read, report.Loaded, report.Quarantined).ShouldBe((3L, 3L, 0L));
        Loaded().ShouldBe([(2L, "A"), (3L, "B"), (4L, "C")]);
    }

    [Fact]
    public async Task Load_BrokenQuoteOnLine11_LaterLinesKeepTheirNumbers()
    {
        var lines = new StringBuilder("id,phone,city\n");
        for (var i = 2; i <= 20; i++)
            lines.Append(i == 11 ? "K11,\"1380013,上海\n" : $"R{i},138001380{i:00},上海\n");
        With(lines.ToString());

        var report = await _workspace.LoadAsync("m");

        (report.Read, report.Loaded, report.Quarantined).ShouldBe((19L, 18L, 1L));
        Quarantined().ShouldBe([(11L, "malformed_row")]);
        Loaded().Where(r => r.Line > 11).ShouldBe(Enumerable.Range(12, 9).Select(i => ((long)i, $"R{i}")));
    }

    [Fact]
    public async Task Load_LineBreakInsideQuotes_LaterLinesArePhysical()
    {
        // The record for B spans file lines 3-4; C is on line 5.
        With("id,phone,city\nA,13800138000,上海\n\"B\nb\",13800138001,上海\nC,13800138002,北京\n");

        var report = await _workspace.LoadAsync("m");

        (report.Read, report.Loaded).ShouldBe((3L, 3L));
        Loaded().ShouldBe([(2L, "A"), (3L, "B\nb"), (5L, "C")]);
    }

    [Fact]
    public async Task Load_BadUtf8_NamesThePhysicalLine()
    {
        var bytes = new UTF8Encoding(false).GetBytes("id,phone,city\nA,13800138000,上海\nB,\"1,2\n3\",上海\n").Concat(new byte[] { 0x43, 0xff, 0x2c, 0x31, 0x2c, 0x32, 0x0a }).ToArray();
        _workspace.WithYaml(Yaml);
        File.WriteAllBytes(Path.Combine(_workspace.Root, "m.csv"), bytes);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("m"));

        error.Message.ShouldContain("line 5");
    }

    public void Dispose() => _workspace.Dispose();
}
