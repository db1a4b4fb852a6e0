using Bogus;

namespace TagCenter.Demo;

/// <summary>Creates the simulated customers, deterministically from a seed.</summary>
internal static class DemoPopulation
{
    public static readonly (string City, int Weight)[] Cities =
    [
        ("上海", 16), ("北京", 14), ("广州", 10), ("深圳", 10), ("杭州", 8), ("成都", 7), ("武汉", 6), ("南京", 6),
        ("重庆", 5), ("西安", 4), ("苏州", 4), ("长沙", 3), ("天津", 3), ("青岛", 2), ("厦门", 2),
    ];

    public static readonly string[] Categories = ["母婴", "美妆", "服饰", "食品", "数码", "家居", "运动", "图书"];

    private static readonly string[] MailDomains = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com", "outlook.com"];

    public static List<DemoPerson> Create(int count, int seed)
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var random = new Random(seed);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var people = new List<DemoPerson>(count);
        for (var i = 0; i < count; i++)
        {
            string phone;
            do
                phone = "1" + "3456789"[random.Next(7)] + random.Next(0, 1_000_000_000).ToString("D9");
            while (!phones.Add(phone));
            var signedUp = DemoCalendar.Moment(random, DemoCalendar.Start.AddDays(-500), DemoCalendar.AsOf.AddDays(-3));
            DateTime? churned = random.NextDouble() < 0.28 ? DemoCalendar.Moment(random, Max(signedUp, DemoCalendar.Start), DemoCalendar.AsOf.AddDays(-60)) : null;
            DateTime? returned = churned is not null && random.NextDouble() < 0.2 ? DemoCalendar.Moment(random, churned.Value.AddDays(45), DemoCalendar.AsOf) : null;
            var app = random.NextDouble() < 0.55;
            people.Add(new DemoPerson
            {
                Index = i,
                Name = faker.Name.LastName() + faker.Name.FirstName(),
                Phone = phone,
                MemberNo = random.NextDouble() < 0.7 ? "M" + (10_000_000 + (i * 13L % 9_000_000)).ToString("D8") : null,
                Email = random.NextDouble() < 0.35 ? $"{faker.Random.AlphaNumeric(6)}{i}@{MailDomains[random.Next(MailDomains.Length)]}" : null,
                Male = random.NextDouble() < 0.42,
                Birthday = DateOnly.FromDateTime(DemoCalendar.AsOf.AddDays(-random.Next(18 * 365, 68 * 365))),
                City = Pick(random, Cities),
                Level = Pick(random, [("普通", 55), ("银卡", 25), ("金卡", 15), ("钻石", 5)]),
                SignedUp = signedUp,
                ChurnedAt = churned,
                ReturnedAt = returned,
                Activity = Math.Exp(Normal(random) * 0.9),
                DeviceIds = app ? Enumerable.Range(0, random.NextDouble() < 0.25 ? 2 : 1).Select(_ => DeviceId(random)).ToList() : [],
                Cookie = random.NextDouble() < 0.45 ? "ck_" + Convert.ToHexStringLower(RandomBytes(random, 10)) : null,
                OpenId = random.NextDouble() < 0.35 ? "oX" + Base62(random, 26) : null,
                UnionId = random.NextDouble() < 0.3 ? "uN" + Base62(random, 26) : null,
                FavouriteCategory = Categories[random.Next(Categories.Length)],
            });
        }
        ShareFamilyDevices(people, random);
        return people;
    }

    /// <summary>A family iPad: a few households share one app device id between two people.</summary>
    private static void ShareFamilyDevices(List<DemoPerson> people, Random random)
    {
        for (var k = 0; k < people.Count / 400; k++)
        {
            var a = random.Next(people.Count);
            var b = random.Next(people.Count);
            if (a == b || people[a].DeviceIds.Count == 0)
                continue;
            people[b] = people[b] with { DeviceIds = [.. people[b].DeviceIds, people[a].DeviceIds[0]] };
        }
    }

    public static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
                return value;
        }
        return choices[^1].Value;
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static string DeviceId(Random random)
    {
        var b = RandomBytes(random, 16);
        return new Guid(b).ToString().ToUpperInvariant();
    }

    private static byte[] RandomBytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Base62(Random random, int n)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
        return string.Create(n, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = alphabet[r.Next(alphabet.Length)];
        });
    }
}
