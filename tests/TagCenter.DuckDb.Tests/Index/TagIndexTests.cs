using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Index;

namespace TagCenter.DuckDb.Tests.Index;

/// <summary>The index built from a tag table answers exactly as SQL over the same table (a second implementation).</summary>
public sealed class TagIndexTests : IDisposable
{
    private static readonly IndexColumn[] Columns =
    [
        new("level", IndexedAs.Values, IndexEncoding.None, ["高", "中", "低", "无人"]),
        new("vip", IndexedAs.Values, IndexEncoding.None, []),
        new("city", IndexedAs.Values, IndexEncoding.None, []),
        new("score", IndexedAs.Range, IndexEncoding.Integer, []),
        new("spend", IndexedAs.Range, IndexEncoding.Cents, []),
        new("last_order", IndexedAs.Range, IndexEncoding.Days, []),
        new("seen_at", IndexedAs.Range, IndexEncoding.Seconds, []),
    ];

    private readonly TestWorkspace _workspace = new();

    public TagIndexTests()
    {
        _workspace.WithYaml("sources: {}");
        // 3000 persons with hash-spread values and nulls, negatives and values before 1970.
        _workspace.Database.Execute("""
            CREATE TABLE wide AS SELECT
                'P' || lpad(CAST(i AS VARCHAR), 5, '0') AS oneid,
                CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN '高' WHEN 2 THEN '中' ELSE '低' END AS level,
                CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS vip,
                CASE hash(i) % 5 WHEN 0 THEN '上海' WHEN 1 THEN '北京' WHEN 2 THEN '广州''s' WHEN 3 THEN NULL ELSE '深圳' END AS city,
                CASE WHEN i % 13 = 0 THEN NULL ELSE CAST(hash(i * 7) % 2001 AS BIGINT) - 1000 END AS score,
                CASE WHEN i % 5 = 0 THEN NULL ELSE CAST((hash(i * 3) % 1000000) AS DECIMAL(18,2)) / 100 - 2000 END AS spend,
                CASE WHEN i % 9 = 0 THEN NULL ELSE DATE '1965-01-01' + CAST(hash(i * 5) % 30000 AS INTEGER) END AS last_order,
                CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (CAST(hash(i * 11) % 100000000 AS BIGINT)) SECOND END AS seen_at
            FROM range(3000) r(i);
            """);
    }

    private string IndexPath => TagIndex.PathOf(_workspace.Root);

    private IndexBuildReport Build() =>
        TagIndexBuilder.BuildFrom(_workspace.Database, "wide", Columns, IndexPath, "run-1", TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Build_ThenOpen_EveryValueAndRangeMatchesSql()
    {
        var report = Build();
        report.Tags.ShouldBe(7);
        report.Persons.ShouldBe(3000);
        Directory.GetFiles(TagIndex.FolderOf(_workspace.Root)).ShouldBe([IndexPath]); // no temporary file left

        using var index = TagIndex.Open(_workspace.Root).ShouldNotBeNull();
        index.All.ToArray().ShouldBe(Sql("TRUE"));
        index.Values("level").ShouldBe(["高", "中", "低", "无人"]); // declared order, even a value nobody has
        index.Values("vip").ShouldBe(["false", "true"]);
        index.Values("city").ShouldBe(["上海", "北京", "广州's", "深圳"]);
        foreach (var tag in new[] { "level", "vip", "city" })
        {
            index.HasValue(tag).ToArray().ShouldBe(Sql($"{tag} IS NOT NULL"), tag);
            foreach (var value in index.Values(tag))
                index.Equal(tag, value).ToArray().ShouldBe(Sql($"CAST({tag} AS VARCHAR) = '{value.Replace("'", "''")}'"), $"{tag} = {value}");
        }
        index.Equal("level", "没有").IsEmpty.ShouldBeTrue();

        var constants = new (string Tag, long Encoded, string Sql)[]
        {
            ("score", -1000, "-1000"), ("score", 0, "0"), ("score", 17, "17"), ("score", 1000, "1000"), ("score", -5000, "-5000"),
            ("spend", -200000, "-2000.00"), ("spend", 123456, "1234.56"), ("spend", 0, "0"),
            ("last_order", BsiEncoding.Encode(IndexEncoding.Days, new DateOnly(1969, 12, 31)), "DATE '1969-12-31'"),
            ("last_order", BsiEncoding.Encode(IndexEncoding.Days, new DateOnly(2026, 8, 1)), "DATE '2026-08-01'"),
            ("seen_at", BsiEncoding.Encode(IndexEncoding.Seconds, new DateTime(2027, 3, 1, 12, 0, 0)), "TIMESTAMP '2027-03-01 12:00:00'"),
        };
        var sqlOps = new Dictionary<RangeOperator, string>
        {
            [RangeOperator.Equal] = "=",
            [RangeOperator.NotEqual] = "<>",
            [RangeOperator.Less] = "<",
            [RangeOperator.LessOrEqual] = "<=",
            [RangeOperator.Greater] = ">",
            [RangeOperator.GreaterOrEqual] = ">=",
        };
        foreach (var (tag, encoded, literal) in constants)
            foreach (var (op, sql) in sqlOps)
                index.Range(tag, op, encoded).ToArray().ShouldBe(Sql($"{tag} {sql} {literal}"), $"{tag} {sql} {literal}");
    }

    [Fact]
    public void Build_Twice_ReplacesTheFileWhileTheOldOneIsOpen()
    {
        Build();
        using var old = TagIndex.Open(_workspace.Root)!;
        var before = old.Equal("level", "高").Cardinality;
        _workspace.Database.Execute("UPDATE wide SET level = '高'");

        TagIndexBuilder.BuildFrom(_workspace.Database, "wide", Columns, IndexPath, "run-2", TimeProvider.System, cancellationToken: TestContext.Current.CancellationToken);

        old.Equal("level", "高").Cardinality.ShouldBe(before); // the open index still reads its own file
        using var fresh = TagIndex.Open(_workspace.Root)!;
        fresh.RunId.ShouldBe("run-2");
        fresh.Equal("level", "高").Cardinality.ShouldBe(3000);
        Directory.GetFiles(TagIndex.FolderOf(_workspace.Root)).Length.ShouldBe(1);
    }

    [Fact]
    public void Open_NoIndex_Null_AndOpenCurrentSaysSo()
    {
        TagIndex.Open(_workspace.Root).ShouldBeNull();
        var error = Should.Throw<TagCenter.Core.Diagnostics.TagCenterException>(() => TagIndex.OpenCurrent(_workspace.Root, _workspace.Database));
        error.Message.ShouldContain("no tag index");
    }

    [Fact]
    public void OpenCurrent_IndexOlderThanLastRun_StaleError()
    {
        Build();
        _workspace.Database.Execute("""
            CREATE TABLE tag_runs (run_id VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, as_of TIMESTAMP, tags VARCHAR, persons BIGINT, status VARCHAR);
            INSERT INTO tag_runs VALUES ('run-1', now(), TIMESTAMP '2026-01-01', NULL, '', 0, 'ok'), ('run-2', now(), TIMESTAMP '2026-01-02', NULL, '', 0, 'ok');
            """);
        var error = Should.Throw<TagCenter.Core.Diagnostics.TagCenterException>(() => TagIndex.OpenCurrent(_workspace.Root, _workspace.Database));
        error.Message.ShouldBe("the tag index was built for run run-1, before the last tag run run-2; run tagcenter refresh");
    }

    [Fact]
    public void Build_FromCatalog_IndexesEnumBoolAndNumbers_SkipsLists()
    {
        _workspace.Database.Execute("CREATE TABLE person_tags AS SELECT oneid, level, vip, score, [city] AS cities FROM wide");
        var catalog = TagCatalog.From(
        [
            Tag("level", TagKind.Enum, TagValueType.String, ["高", "中", "低"]),
            Tag("vip", TagKind.Value, TagValueType.Bool),
            Tag("score", TagKind.Value, TagValueType.Int),
            Tag("cities", TagKind.Value, TagValueType.List),
        ]);

        var report = TagIndexBuilder.Build(_workspace.Database, _workspace.Root, catalog, TimeProvider.System, TestContext.Current.CancellationToken);

        report.Tags.ShouldBe(3);
        report.Skipped.ShouldBe(["cities"]);
        using var index = TagIndex.Open(_workspace.Root)!;
        index.Tags.Select(t => (t.Code, t.Kind, t.Encoding)).ShouldBe(
            [("level", IndexedAs.Values, IndexEncoding.None), ("vip", IndexedAs.Values, IndexEncoding.None), ("score", IndexedAs.Range, IndexEncoding.Integer)]);
        index.Range("score", RangeOperator.Greater, 500).ToArray().ShouldBe(Sql("score > 500"));
    }

    private static TagDefinition Tag(string code, TagKind kind, TagValueType type, IReadOnlyList<string>? values = null) => new()
    {
        Name = code,
        Code = code,
        Path = ["t"],
        Kind = kind,
        Type = type,
        Values = values ?? [],
        File = "tags/t.yaml",
    };

    // The ordinals SQL finds for a predicate: what the index must say.
    private uint[] Sql(string predicate) => [.. _workspace.Rows($"""
        SELECT o.ordinal FROM wide w JOIN person_ordinals o USING (oneid) WHERE {predicate} ORDER BY o.ordinal
        """).Select(r => Convert.ToUInt32(r[0]))];

    public void Dispose() => _workspace.Dispose();
}
