using System.Text.RegularExpressions;
using TagCenter.Core.Text;

namespace TagCenter.Web.Tests.Text;

/// <summary>Every text key the console's sources name exists in the text table, in 简体中文 and in English.</summary>
public sealed partial class ConsoleTextsTests
{
    [Fact]
    public void EveryKeyUsedInTheConsole_HasChineseAndEnglish()
    {
        var src = Path.Combine(RepoRoot(), "src", "TagCenter.Web");
        var keys = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.')) // a prefix completed at run time, checked below
            .Distinct().ToList();

        keys.Count.ShouldBeGreaterThan(100);
        foreach (var key in keys)
        {
            Texts.Has(key).ShouldBeTrue(key);
            Texts.Get(key, Language.Zh).ShouldNotBeNullOrWhiteSpace(key);
            Texts.Get(key, Language.En).ShouldNotBeNullOrWhiteSpace(key);
        }
    }

    [Theory]
    [InlineData("console.signin.error.", new[] { "missing", "invalid", "scope", "expired", "api" })]
    [InlineData("console.lineage.", new[] { "source", "table", "column", "tag", "segment" })]
    [InlineData("console.segment.type.", new[] { "static", "dynamic" })]
    public void KeysCompletedAtRunTime_Exist(string prefix, string[] endings)
    {
        foreach (var ending in endings)
            Texts.Has(prefix + ending).ShouldBeTrue(prefix + ending);
    }

    [Fact]
    public void ChineseAndEnglish_Differ_ForTheNavigation()
    {
        foreach (var key in new[] { "console.nav.home", "console.nav.tags", "console.nav.segments", "console.nav.analysis", "console.nav.profiles", "console.nav.models", "console.nav.activation", "console.nav.governance" })
            Texts.Get(key, Language.Zh).ShouldNotBe(Texts.Get(key, Language.En));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TagCenter.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TagCenter.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("\"(console\\.[a-z0-9.]+)\"")]
    private static partial Regex KeyPattern();
}
