using TagCenter.Core.Text;
using Table = TagCenter.Core.Text.Texts;

namespace TagCenter.Cli.Console;

/// <summary>The CLI's view of the one text table (<see cref="Table"/>) in the language picked for this run.</summary>
internal sealed class Texts
{
    private Texts(Language language) => Language = language;

    public Language Language { get; }

    public bool Chinese => Language == Language.Zh;

    /// <summary>The language <paramref name="lang"/> names (default: <c>TAGCENTER_LANG</c>, then the OS); it becomes the run's language.</summary>
    public static Texts For(string? lang)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? Table.Default() : Table.Parse(lang) ?? Table.Default();
        Table.Current = language;
        // System.CommandLine's own help headings and parse errors come from its satellite resources: same language.
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language == Language.Zh ? "zh-Hans" : "en");
        return new Texts(language);
    }

    /// <summary>The language from the command line, read before parsing so help text is translated too.</summary>
    public static Texts FromArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
                return For(args[i + 1]);
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
                return For(args[i]["--lang=".Length..]);
        }
        return For(null);
    }

    public string this[string key] => Table.Get(key, Language);

    public string Format(string key, params object?[] args) => Table.Format(key, Language, args);

    /// <summary>The text in the run's language (for code that has no <see cref="Texts"/> at hand).</summary>
    public static string T(string key, params object?[] args) => Table.T(key, args);

    public string Reason(string code) => this["reason." + code];
}
