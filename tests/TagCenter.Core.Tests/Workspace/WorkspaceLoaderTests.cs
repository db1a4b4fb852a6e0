using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Workspace;

public sealed class WorkspaceLoaderTests
{
    private static WorkspaceException Fails(string yaml) =>
        Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse(yaml, "/ws"));

    [Fact]
    public void Parse_FullSource_AllFieldsRead()
    {
        var ws = WorkspaceLoader.Parse("""
            name: shop
            default_country_code: "33"
            entities:
              store: { description: 门店 }
            identifiers:
              employee_no: { description: 员工号 }
            sources:
              crm:
                kind: csv
                path: data/crm.csv
                encoding: GBK
                delimiter: "\t"
                entity: store
                dedupe: [id]
                event_time: at
                max_reject_ratio: 0.1
                columns:
                  id: { from: 编号, required: true, identifier: employee_no }
                  at: timestamp
                  amount: { type: decimal, unit: fen, min: 0, max: 100 }
                  level: { values: [a, b], map: { A: a } }
                  phone: { type: phone, on_invalid: "null" }
            """, "/ws");

        ws.Name.ShouldBe("shop");
        ws.DefaultCountryCode.ShouldBe("33");
        ws.Entities.Select(e => e.Name).ShouldBe(["person", "store"]);
        ws.Identifiers.ShouldContain(i => i.Name == "employee_no");
        var source = ws.Sources.ShouldHaveSingleItem();
        source.Kind.ShouldBe(SourceKind.Csv);
        source.Encoding.ShouldBe("gbk");
        source.Delimiter.ShouldBe('\t');
        source.Entity.ShouldBe("store");
        source.MaxRejectRatio.ShouldBe(0.1);
        source.Columns.Select(c => c.Name).ShouldBe(["id", "at", "amount", "level", "phone"]);
        source.Columns[0].From.ShouldBe("编号");
        source.Columns[1].Type.ShouldBe(ColumnType.Timestamp);
        source.Columns[2].Unit.ShouldBe("fen");
        source.Columns[3].Map!["A"].ShouldBe("a");
        source.Columns[4].OnInvalid.ShouldBe(InvalidValueAction.Null);
    }

    [Fact]
    public void Parse_UnknownKey_ErrorWithPositionAndSuggestion()
    {
        var e = Fails("""
            sources:
              crm:
                kind: csv
                pth: a.csv
                columns: { id: {} }
            """);

        e.Diagnostics.ShouldContain(d => d.Line == 4 && d.Column == 5 && d.Message.Contains("unknown key 'pth'") && d.Message.Contains("did you mean 'path'"));
    }

    [Theory]
    [InlineData("sources:\n  crm:\n    kind: xml\n    path: a\n    columns: { id: {} }", 3, "'xml' is not a valid kind")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    columns:\n      id: { type: phne }", 6, "did you mean 'phone'")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    columns:\n      id: { identifier: wechat }", 6, "unknown identifier type 'wechat'")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    encoding: big5\n    columns: { id: {} }", 5, "encoding 'big5' is not supported")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    columns: { id: {} }", 3, "needs a 'path'")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    dedupe: [nope]\n    columns: { id: {} }", 5, "dedupe column 'nope'")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    columns:\n      id: { min: lots }", 6, "must be a number")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    columns:\n      id: { pattern: '([' }", 6, "not a valid regular expression")]
    [InlineData("sources:\n  Bad-Name:\n    kind: csv\n    path: a\n    columns: { id: {} }", 2, "must start with a lower-case letter")]
    [InlineData("sources:\n  pg:\n    kind: postgres\n    columns: { id: {} }", 3, "needs 'connection' or 'connection_env'")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    entity: supplier\n    columns: { id: {} }", 5, "unknown entity type 'supplier'")]
    [InlineData("sources: [a, b]", 1, "sources must be a mapping")]
    [InlineData("sources:\n  crm:\n    kind: csv\n    path: a\n    columns:\n      id: { required: maybe }", 6, "must be true or false")]
    public void Parse_Mistake_DiagnosticAtLine(string yaml, int line, string message)
    {
        var e = Fails(yaml);

        e.Diagnostics.ShouldContain(d => d.Line == line && d.Message.Contains(message),
            string.Join("\n", e.Diagnostics));
    }

    [Fact]
    public void Parse_YamlSyntaxError_PositionReported()
    {
        var e = Fails("sources:\n  crm: { kind: csv\n  path: x");

        var d = e.Diagnostics.ShouldHaveSingleItem();
        d.Message.ShouldStartWith("YAML syntax error");
        d.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Parse_SeveralMistakes_AllReported()
    {
        var e = Fails("""
            nme: x
            sources:
              crm:
                kind: csv
                path: a
                columns:
                  id: { type: nope, colour: red }
            """);

        e.Diagnostics.Count.ShouldBe(3);
        e.Message.ShouldContain("tagcenter.yaml:1:1");
    }

    [Fact]
    public void Load_NoFile_SaysRunInit()
    {
        var e = Should.Throw<WorkspaceException>(() => WorkspaceLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        e.Message.ShouldContain("tagcenter init");
    }

    [Theory]
    [InlineData("{}:", 1, 1)] // what the fuzz test below found: a flow mapping as the key of the top mapping
    [InlineData("sources:\n  [a, b]: x\n", 2, 3)]
    [InlineData("identity:\n  types:\n    ? {p: q}\n    : phone\n", 3, 7)]
    public void Parse_AKeyThatIsNotAWord_IsADiagnosticAtIt(string yaml, int line, int column)
    {
        var e = Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse(yaml, "/ws"));

        // Other mistakes of the text (a missing section) may be reported too; the key is, where it stands.
        e.Diagnostics.ShouldContain(d => d.Line == line && d.Column == column && d.Message.Contains("key must be a word"),
            string.Join("; ", e.Diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Message}")));
    }

    [Fact]
    public void StarterWorkspace_IsValid()
    {
        var ws = WorkspaceLoader.Parse(StarterWorkspace.Yaml, "/ws");

        ws.Sources.Select(s => s.Name).ShouldBe(["customers", "orders"]);
        ws.Sources[1].Fact.ShouldBe("orders");
        ws.Identity.Golden.Select(g => g.Name).ShouldBe(["city", "gender", "birthday"]);
    }
}

public sealed class WorkspaceLoaderFuzzTests
{
    private static readonly string[] Fragments =
    [
        "sources:", "\n", "  ", "crm:", "kind: csv", "path: a.csv", "columns:", "{", "}", "[", "]", ":", "- ", "id: {}",
        "type: phone", "'", "\"", "#", "&a", "*a", "!!int", "|", ">", "\t", "会员", "min: x", ",",
    ];

    /// <summary>Whatever text arrives, the loader answers with diagnostics, never with another exception.</summary>
    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool Parse_AnyText_OnlyDiagnostics(int[] picks)
    {
        var text = string.Concat((picks ?? []).Select(p => Fragments[Math.Abs(p % Fragments.Length)]));
        try
        {
            WorkspaceLoader.Parse(text, "/ws");
            return true;
        }
        catch (WorkspaceException e)
        {
            return e.Diagnostics.Count > 0;
        }
    }
}

public sealed class WorkspaceLoaderDuplicateKeyTests
{
    [Fact]
    public void Parse_DuplicateKey_Diagnostic()
    {
        var e = Should.Throw<WorkspaceException>(() => WorkspaceLoader.Parse("sources:\n  a: {}\n  a: {}\n", "/ws"));

        var d = e.Diagnostics.ShouldHaveSingleItem();
        d.Message.ShouldContain("Duplicate key a");
        d.Line.ShouldBe(3);
    }
}
