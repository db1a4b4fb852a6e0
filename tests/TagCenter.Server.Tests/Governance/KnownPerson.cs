using System.Text.Json;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// A demo person with a phone, an email and a name, read unmasked by the admin test client (pii:read): the raw values
/// a caller without pii:read must never get back, and their masks written out by the README's rules (first 3 and last
/// 4 digits of the national number, first character of the mailbox, first character of the name).
/// </summary>
internal sealed record KnownPerson(string OneId, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails, string Name)
{
    /// <summary>A phone as stored (<c>+8613812348000</c>) without the country code (<c>13812348000</c>).</summary>
    public static string National(string phone) => phone.StartsWith("+86", StringComparison.Ordinal) ? phone[3..] : phone;

    /// <summary>Every form of every personal value of this person a leak could take.</summary>
    public IEnumerable<string> Raw => [.. Phones, .. Phones.Select(National), .. Emails, Name];

    public static string PhoneMask(string phone)
    {
        var n = National(phone);
        return n[..3] + "****" + n[^4..];
    }

    public static string EmailMask(string email) => email[..1] + "***" + email[email.IndexOf('@', StringComparison.Ordinal)..];

    public string NameMask => Name[..1] + new string('*', Name.Length - 1);

    /// <summary>Fails when <paramref name="text"/> holds any raw value of the person.</summary>
    public void ShouldNotLeakInto(string text, string where)
    {
        foreach (var raw in Raw)
            text.Contains(raw, StringComparison.Ordinal).ShouldBeFalse($"{where} holds the unmasked value {raw}: {text[..Math.Min(text.Length, 2000)]}");
    }

    /// <summary>The first member (of the demo's segments) with a phone, an email and a golden name.</summary>
    public static async Task<KnownPerson> FindAsync(ApiServer server)
    {
        foreach (var segment in (await server.GetJsonAsync("/api/v1/segments")).EnumerateArray())
        {
            var name = segment.GetProperty("name").GetString()!;
            var page = await server.GetJsonAsync($"/api/v1/segments/{Uri.EscapeDataString(name)}/members?page_size=200");
            foreach (var member in page.GetProperty("members").EnumerateArray())
                if (await ReadAsync(server, member.GetString()!) is { Emails.Count: > 0 } person)
                    return person;
        }
        throw new InvalidOperationException("no demo person with a phone, an email and a name");
    }

    /// <summary>The person <paramref name="oneId"/> read with pii:read, or null without a mainland phone and a name.</summary>
    public static async Task<KnownPerson?> ReadAsync(ApiServer server, string oneId)
    {
        var profile = await server.GetJsonAsync("/api/v1/profiles/" + Uri.EscapeDataString(oneId));
        var phones = Values(profile, "phone");
        var golden = profile.GetProperty("golden").EnumerateArray().FirstOrDefault(f => f.GetProperty("field").GetString() == "name");
        var name = golden.ValueKind == JsonValueKind.Object ? golden.GetProperty("value").GetString() : null;
        return phones.Count > 0 && name is { Length: >= 2 } && phones.All(p => p.StartsWith("+86", StringComparison.Ordinal) && p.Length == 14)
            ? new KnownPerson(profile.GetProperty("oneid").GetString()!, phones, Values(profile, "email"), name)
            : null;
    }

    private static List<string> Values(JsonElement profile, string type) =>
        [.. profile.GetProperty("identifiers").EnumerateArray().Where(i => i.GetProperty("type").GetString() == type).Select(i => i.GetProperty("value").GetString()!)];
}
