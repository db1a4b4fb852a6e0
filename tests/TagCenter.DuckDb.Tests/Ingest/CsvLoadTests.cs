using System.Text;
using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Ingest;

public sealed class CsvLoadTests : IDisposable
{
    private const string Yaml = """
        name: test
        sources:
          members:
            kind: csv
            path: members.csv
            encoding: ENCODING
            dedupe: [member_no]
            max_reject_ratio: RATIO
            columns:
              member_no: { from: 会员编号, required: true, identifier: member_no, reject_pattern: '^TEST' }
              phone: { from: 手机号, type: phone, identifier: phone, on_invalid: "null" }
              gender: { from: 性别, type: gender }
              birthday: { from: 生日, type: date, min: 1900, max: 2026 }
              city: { from: 城市, type: city }
              points: { from: 积分, type: int, min: 0 }
        """;

    private const string Header = "会员编号,手机号,性别,生日,城市,积分\n";

    private readonly TestWorkspace _workspace = new();

    private TestWorkspace With(string rows, string encoding = "utf-8", string ratio = "0.5")
    {
        var enc = encoding == "gbk" ? CodePages.Gbk : new UTF8Encoding(false);
        return _workspace.WithFile("members.csv", Header + rows, enc).WithYaml(Yaml.Replace("ENCODING", encoding).Replace("RATIO", ratio));
    }

    [Fact]
    public async Task Load_CleanRows_StandardisedWithLineNumbers()
    {
        With("M001,138 0013 8000,男,1990/1/5,上海市,1200\nM002,+86-13900139000,F,19851231,广东省广州市,\"1,024\"\n");

        var report = await _workspace.LoadAsync("members");

        report.Read.ShouldBe(2);
        report.Loaded.ShouldBe(2);
        var rows = _workspace.Rows("SELECT _source, _line, member_no, phone, gender, CAST(birthday AS VARCHAR), city, points FROM src_members ORDER BY _line");
        rows[0].ShouldBe(new object?[] { "members", 2L, "M001", "+8613800138000", "male", "1990-01-05", "上海", 1200L });
        rows[1].ShouldBe(new object?[] { "members", 3L, "M002", "+8613900139000", "female", "1985-12-31", "广州", 1024L });
    }

    [Fact]
    public async Task Load_GbkFile_TranscodedBeforeReading()
    {
        With("M001,13800138000,女,2024年1月5日,北京市,5\n", "gbk");

        var report = await _workspace.LoadAsync("members");

        report.Loaded.ShouldBe(1);
        _workspace.Rows("SELECT gender, city FROM src_members")[0].ShouldBe(new object?[] { "female", "北京" });
    }

    [Fact]
    public async Task Load_DirtyRows_QuarantinedWithReasonAndAccountedFor()
    {
        With("""
            M001,13800138000,男,1990-01-01,上海,1
            ,13800138001,男,1990-01-01,上海,1
            M003,1380013800,男,1990-01-01,上海,1
            M004,13800138004,X,1990-01-01,上海,1
            M005,13800138005,男,1990-02-30,上海,1
            M006,13800138006,男,1990-01-01,上海,-5
            M001,13800138000,男,1990-01-01,上海,1
            TEST01,13800138008,男,1990-01-01,上海,1
            M009,13800138009,男,1990-01-01,上海,1,extra
            M010,"broken,男,1990-01-01,上海,1
            M011,13800138011,男,2190-01-01,上海,1

            """, ratio: "1");

        var report = await _workspace.LoadAsync("members");
        var q = _workspace.Rows("SELECT line, \"column\", reason, action, detail FROM quarantine ORDER BY line, action");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", q.Select(r => string.Join(" | ", r))));

        report.Read.ShouldBe(11); // the data lines of the file above, counted by hand
        report.Quarantined.ShouldBe(9); // lines 3, 5–12 below; M003's bad phone is only nulled
        report.Loaded.ShouldBe(2); // M001 and M003 (bad phone nulled, row kept)
        report.Nulled.ShouldBe(1);
        q.ShouldContain(r => (long)r[0]! == 3 && (string)r[2]! == "required_missing");
        q.ShouldContain(r => (long)r[0]! == 4 && (string)r[2]! == "phone_invalid" && (string)r[3]! == "nulled");
        q.ShouldContain(r => (long)r[0]! == 5 && (string)r[2]! == "gender_unknown_code");
        q.ShouldContain(r => (long)r[0]! == 6 && (string)r[2]! == "date_unparseable");
        q.ShouldContain(r => (long)r[0]! == 7 && (string)r[2]! == "out_of_range");
        q.ShouldContain(r => (long)r[0]! == 8 && (string)r[2]! == "duplicate");
        q.ShouldContain(r => (long)r[0]! == 9 && (string)r[2]! == "rejected_value");
        q.ShouldContain(r => (long)r[0]! == 10 && (string)r[2]! == "malformed_row");
        q.Count(r => (string)r[3]! == "quarantined").ShouldBe((int)report.Quarantined);
        var raw = _workspace.Database.Scalar<string>("SELECT raw_row FROM quarantine WHERE line = 5");
        raw.ShouldNotBeNull().ShouldContain("X");
    }

    [Fact]
    public async Task Load_SameFileTwice_NoDuplicatesAndSkipped()
    {
        With("M001,13800138000,男,1990-01-01,上海,1\n");

        await _workspace.LoadAsync("members");
        var second = await _workspace.LoadAsync("members");
        var forced = await _workspace.LoadAsync("members", force: true);

        second.Status.ShouldBe(LoadStatus.Unchanged);
        forced.Status.ShouldBe(LoadStatus.Loaded);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM src_members").ShouldBe(1);
    }

    [Fact]
    public async Task Load_FailureMidway_PreviousStateIntact()
    {
        With("M001,13800138000,男,1990-01-01,上海,1\n");
        await _workspace.LoadAsync("members");
        // A new export where almost every row is garbage: over max_reject_ratio, so the load fails.
        _workspace.WithFile("members.csv", Header + "M001,1,2,3,4,x\nM002,1,2,3,4,y\n");

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("members"));

        error.Message.ShouldContain("max_reject_ratio");
        _workspace.Database.Scalar<long>("SELECT count(*) FROM src_members").ShouldBe(1);
        _workspace.Database.Scalar<long>("SELECT count(*) FROM quarantine").ShouldBe(0);
    }

    [Fact]
    public async Task Load_MissingFile_ClearError()
    {
        _workspace.WithYaml(Yaml.Replace("ENCODING", "utf-8").Replace("RATIO", "0.5"));

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("members"));

        error.Message.ShouldContain("file not found");
        error.Message.ShouldContain("members.csv");
    }

    [Fact]
    public async Task Load_GbkDeclaredAsUtf8_NamesLineAndSuggestsEncoding()
    {
        _workspace.WithFile("members.csv", Header + "M001,13800138000,男,1990-01-01,上海,1\n", CodePages.Gbk)
            .WithYaml(Yaml.Replace("ENCODING", "utf-8").Replace("RATIO", "0.5"));

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("members"));

        error.Message.ShouldContain("line 1");
        error.Message.ShouldContain("encoding: gbk");
    }

    [Fact]
    public async Task Load_TruncatedGbk_NamesLine()
    {
        var bytes = CodePages.Gbk.GetBytes(Header + "M001,13800138000,男,1990-01-01,上海,1\nM002,1,女");
        _workspace.WithYaml(Yaml.Replace("ENCODING", "gbk").Replace("RATIO", "0.5"));
        File.WriteAllBytes(Path.Combine(_workspace.Root, "members.csv"), bytes[..^1]);

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("members"));

        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public async Task Load_MissingHeaderColumn_ListsWhatTheFileHas()
    {
        _workspace.WithFile("members.csv", "会员编号,电话\nM1,1\n").WithYaml(Yaml.Replace("ENCODING", "utf-8").Replace("RATIO", "0.5"));

        var error = await Should.ThrowAsync<SourceLoadException>(() => _workspace.LoadAsync("members"));

        error.Message.ShouldContain("'手机号'");
        error.Message.ShouldContain("电话");
    }

    [Fact]
    public async Task Load_HugeLine_QuarantinedNotLoaded()
    {
        var huge = new string('x', 10 << 20);
        With($"M001,13800138000,男,1990-01-01,上海,1\nM002,{huge},男,1990-01-01,上海,1\nM003,13800138003,男,1990-01-01,上海,1\nM004,13800138004,男,1990-01-01,上海,1\n");

        var report = await _workspace.LoadAsync("members");

        report.Read.ShouldBe(4); // four data lines written above
        report.Quarantined.ShouldBe(1);
        _workspace.Rows("SELECT member_no, _line FROM src_members ORDER BY _line").Select(r => ((string)r[0]!, (long)r[1]!))
            .ShouldBe([("M001", 2L), ("M003", 4L), ("M004", 5L)]);
    }

    public void Dispose() => _workspace.Dispose();
}
