using System.Globalization;

namespace TagCenter.Core.Text;

/// <summary>
/// The one table of user-facing text, in 简体中文 and English: CLI output, diagnostics, errors. Each feature keeps
/// its entries in its own partial file (<c>Texts.Ingest.cs</c>, …). The language is chosen once at the edge (a CLI
/// run, later a request) and flows with the async context, so a diagnostic is written in the user's language
/// where it is made.
/// </summary>
public static partial class Texts
{
    private static readonly AsyncLocal<Language?> CurrentLanguage = new();

    // The parts live in other files (one per feature); built once, on first use.
    private static readonly Lazy<Dictionary<string, Entry>> Table = new(() => Build(
        Cli, Workspace, Expressions, Ingest, Identity, Tags, Storage, Fields, Bitmaps, Index, History, Segments, Analysis, Models, Server, Activation, Governance, ApiResources, ApiSegments, Realtime, WebConsole));

    /// <summary>The language of this run or request (English unless set).</summary>
    public static Language Current
    {
        get => CurrentLanguage.Value ?? Language.En;
        set => CurrentLanguage.Value = value;
    }

    public static IEnumerable<string> Keys => Table.Value.Keys;

    /// <summary>The language a <c>--lang</c> value names; null for one we do not have.</summary>
    public static Language? Parse(string? lang) => lang?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "zh_cn" or "cn" => Language.Zh,
        "en" or "en-us" or "en-gb" or "en_us" => Language.En,
        _ => null,
    };

    /// <summary>The language when none is asked for: <c>TAGCENTER_LANG</c>, else the OS culture.</summary>
    public static Language Default()
    {
        var lang = Environment.GetEnvironmentVariable("TAGCENTER_LANG");
        if (string.IsNullOrWhiteSpace(lang))
            lang = CultureInfo.CurrentUICulture.Name;
        return lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En;
    }

    /// <summary>The text for <paramref name="key"/> in <paramref name="language"/>; an unknown key is a bug and throws.</summary>
    public static string Get(string key, Language language) =>
        Table.Value.TryGetValue(key, out var e) ? language == Language.Zh ? e.Zh : e.En
            : throw new KeyNotFoundException($"no text '{key}' in the text table");

    public static bool Has(string key) => Table.Value.ContainsKey(key);

    /// <summary>The text in the current language, formatted with <paramref name="args"/>.</summary>
    public static string T(string key, params object?[] args) => Format(key, Current, args);

    public static string Format(string key, Language language, params object?[] args)
    {
        var text = Get(key, language);
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static Dictionary<string, Entry> Build(params (string Key, string Zh, string En)[][] parts)
    {
        var all = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (key, zh, en) in parts.SelectMany(p => p))
            if (!all.TryAdd(key, new Entry(zh, en)))
                throw new InvalidOperationException($"text '{key}' is defined twice");
        return all;
    }

    private readonly record struct Entry(string Zh, string En);
}
