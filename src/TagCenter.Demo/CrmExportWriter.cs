using System.Globalization;
using System.Text;

namespace TagCenter.Demo;

/// <summary>The member CRM export: GBK, Chinese headers, mixed formats, re-exported duplicates, test accounts.</summary>
internal static class CrmExportWriter
{
    public static int Write(string path, IReadOnlyList<DemoPerson> people, int seed, Encoding gbk)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, gbk, 1 << 16);
        writer.Write("会员编号,姓名,手机号,性别,生日,城市,会员等级,注册时间,积分,邮箱\r\n");
        var rows = 0;
        foreach (var p in people)
        {
            if (p.MemberNo is null)
                continue;
            var line = Row(random, p.MemberNo, p.Name, p);
            writer.Write(line);
            rows++;
            // A customer who forgot they were a member registered again: two member numbers claim one phone.
            // Identity must not merge them (one member number per person), so this costs recall, never precision.
            if (p.SecondMemberNo is { } second)
            {
                writer.Write(Row(random, second, p.Name, p));
                rows++;
            }
            if (random.NextDouble() < 0.012)
            {
                writer.Write(line); // the same member exported twice
                rows++;
            }
            if (rows % 331 == 17) // about 0.3% test accounts, spread evenly so even a small demo has some
            {
                writer.Write(Row(random, "TEST" + rows.ToString("D5", CultureInfo.InvariantCulture), "测试账号" + rows, p with { Phone = "13800000000" }));
                rows++;
            }
        }
        return rows;
    }

    private static string Row(Random random, string memberNo, string name, DemoPerson p)
    {
        var level = random.NextDouble() switch { < 0.02 => "VIP", < 0.03 => "普卡", _ => p.Level };
        var points = (int)(p.Activity * 800 * random.NextDouble());
        var pointsText = points >= 1000 && random.NextDouble() < 0.3 ? points.ToString("#,##0", CultureInfo.InvariantCulture) : points.ToString(CultureInfo.InvariantCulture);
        var email = p.Email is null ? "" : random.NextDouble() < 0.2 ? " " + p.Email.ToUpperInvariant() : p.Email;
        return string.Join(',',
            memberNo,
            DirtyFormats.Csv(name),
            DirtyFormats.Phone(random, p.Phone),
            DirtyFormats.Gender(random, p.Male),
            DirtyFormats.Date(random, p.Birthday.ToDateTime(TimeOnly.MinValue)),
            DirtyFormats.City(random, p.City),
            level,
            DirtyFormats.Timestamp(random, p.SignedUp),
            DirtyFormats.Csv(pointsText),
            email) + "\r\n";
    }
}
