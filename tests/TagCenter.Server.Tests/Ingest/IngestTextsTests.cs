using System.Text.RegularExpressions;
using TagCenter.Core.Text;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>Ingest errors build their text key from a code (<c>"server.ingest." + code</c>), which the CLI's
/// source scan of literal keys cannot see; this scan checks those codes.</summary>
public sealed partial class IngestTextsTests
{
    [Fact]
    public void Every_error_code_raised_has_chinese_and_english_text()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TagCenter.slnx")))
            dir = dir.Parent;
        var folder = Path.Combine(dir!.FullName, "src", "TagCenter.Server", "Ingest");
        var raised = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(f => AddCall().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value)).Distinct().ToList();
        raised.Count.ShouldBeGreaterThan(8);   // the scan finds the calls
        foreach (var code in raised.Append("json").Append("depth"))
        {
            Texts.Has("server.ingest." + code).ShouldBeTrue(code);
            Texts.Get("server.ingest." + code, Language.Zh).ShouldNotBe(Texts.Get("server.ingest." + code, Language.En));
        }
    }

    // errors.Add(index, field, "code", …): the code is the third argument
    [GeneratedRegex("""errors\.Add\([^,;]+,\s*[^,;]+?,\s*"(?<code>[a-z]+)"[,)]""")]
    private static partial Regex AddCall();
}
