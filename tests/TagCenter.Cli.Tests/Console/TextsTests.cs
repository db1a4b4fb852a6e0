using System.Text.RegularExpressions;
using Shouldly;
using TagCenter.Cli.Console;
using TagCenter.Core.Cleansing;
using TagCenter.Core.Text;
using Table = TagCenter.Core.Text.Texts;

namespace TagCenter.Cli.Tests.Console;

public sealed partial class TextsTests
{
    [Fact]
    public void Reason_EveryCode_TranslatedInBothLanguages()
    {
        var codes = typeof(ReasonCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        foreach (var code in codes)
        {
            var zh = Table.Get("reason." + code, Language.Zh);
            var en = Table.Get("reason." + code, Language.En);
            zh.ShouldNotBe(en, $"the Chinese text for {code} is the English one");
            HasHan(zh).ShouldBeTrue($"no Chinese in the text for {code}: {zh}");
        }
    }

    [Fact]
    public void Get_UnknownKey_Throws() => Should.Throw<KeyNotFoundException>(() => Table.Get("no.such.key", Language.En));

    [Fact]
    public void EveryKeyUsedInSource_IsInTheTable()
    {
        var root = RepoRoot();
        var used = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .Where(u => u.Key.Contains('.', StringComparison.Ordinal))
            .ToList();
        used.Count.ShouldBeGreaterThan(90); // the scan finds the uses (guards against a regex that matches nothing)
        used.Where(u => !Table.Has(u.Key)).Select(u => $"{u.File}: {u.Key}").ShouldBeEmpty();
    }

    [Fact]
    public void EveryText_HasChineseAndEnglish()
    {
        foreach (var key in Table.Keys)
        {
            Table.Get(key, Language.En).ShouldNotBeNullOrWhiteSpace(key);
            Table.Get(key, Language.Zh).ShouldNotBeNullOrWhiteSpace(key);
        }
    }

    [Theory]
    [InlineData("zh", Language.Zh)]
    [InlineData("zh-CN", Language.Zh)]
    [InlineData("en", Language.En)]
    [InlineData("en-US", Language.En)]
    public void Parse_Language_Picked(string lang, Language expected) => Table.Parse(lang).ShouldBe(expected);

    [Theory]
    [InlineData("fr")]
    [InlineData("klingon")]
    public void Parse_UnknownLanguage_Null(string lang) => Table.Parse(lang).ShouldBeNull();

    [Fact]
    public void For_Chinese_SetsTheRunLanguage()
    {
        TagCenter.Cli.Console.Texts.For("zh").Chinese.ShouldBeTrue();
        Table.Current.ShouldBe(Language.Zh);
    }

    private static bool HasHan(string s) => s.Any(c => c is >= '\u4e00' and <= '\u9fff');

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TagCenter.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    // t["key"], t.Format("key", …), Texts.T("key", …) and T("key", …)
    [GeneratedRegex(@"(?:\bt\[|\.Format\(|\bT\(|\bTexts\[)""(?<key>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)""")]
    private static partial Regex KeyUse();
}
