using System.Text.RegularExpressions;
using TagCenter.Core.Text;

namespace TagCenter.Server.Access;

/// <summary>
/// A caller with a business line binds rules against the tags they see, so an unknown name may be another line's tag.
/// The binder's hint for an unknown name — "declare it under identity.golden in tagcenter.yaml" — would send them to
/// a file they cannot change, about a name that is not a golden field at all. For such callers the hint is removed
/// from every unknown name alike, so a hidden tag and a misspelt name still read the same (nothing leaks).
/// </summary>
public static class RuleHints
{
    /// <summary><paramref name="message"/> without the identity.golden hint, in the current language.</summary>
    public static string Scrub(string message)
    {
        var parts = Texts.T("expr.bind.declaregolden", "\u0001").Split('\u0001');
        return Regex.Replace(message, Regex.Escape(parts[0]) + ".*?" + Regex.Escape(parts[1]), "", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary><paramref name="message"/> as <paramref name="caller"/> is told it: scrubbed when they see one business line.</summary>
    public static string For(string message, Caller caller) => caller.BusinessLine is null ? message : Scrub(message);
}
