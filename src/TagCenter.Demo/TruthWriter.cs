using System.Text;

namespace TagCenter.Demo;

/// <summary>
/// Writes <c>_truth/identifiers.csv</c>: every identifier the generator gave a person, in the form identity sees
/// after cleansing (phones in E.164, e-mails lower-cased), with the true person. A family device used by two
/// people belongs to neither alone and is left out; so are junk values (placeholders, test accounts).
/// </summary>
internal static class TruthWriter
{
    public const string Header = "type,value,person";

    public static void Write(string path, IReadOnlyList<DemoPerson> people)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deviceOwners = people.SelectMany(p => p.DeviceIds.Distinct().Select(d => d)).GroupBy(d => d).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header + "\n");
        foreach (var p in people)
        {
            void Row(string type, string? value)
            {
                if (value is not null)
                    writer.Write($"{type},{value},{p.Index}\n");
            }
            Row("member_no", p.MemberNo);
            Row("member_no", p.SecondMemberNo);
            Row("phone", "+86" + p.Phone);
            Row("email", p.Email?.ToLowerInvariant());
            foreach (var device in p.DeviceIds.Where(d => !deviceOwners.Contains(d)).Distinct())
                Row("device_id", device);
            Row("cookie", p.Cookie);
            Row("openid", p.OpenId);
            Row("unionid", p.UnionId);
        }
    }
}
