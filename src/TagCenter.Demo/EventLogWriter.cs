using System.Globalization;
using System.Text;

namespace TagCenter.Demo;

/// <summary>App/mini-program and web behaviour logs as JSON Lines, the way two different SDKs write them.</summary>
internal static class EventLogWriter
{
    private static readonly (string Name, int Weight)[] AppEvents =
        [("app_start", 14), ("page_view", 38), ("product_view", 24), ("search", 10), ("add_to_cart", 9), ("share", 3), ("favorite", 2)];

    private static readonly (string Name, int Weight)[] WebEvents =
        [("page_view", 50), ("product_view", 26), ("search", 12), ("add_to_cart", 10), ("favorite", 2)];

    /// <summary>Events per person per unit of activity, tuned so the default demo has about two million events.</summary>
    public const double EventsPerActivity = 34;

    public static (int App, int Web) Write(string appPath, string webPath, IReadOnlyList<DemoPerson> people, int seed)
    {
        var random = new Random(seed);
        using var app = new StreamWriter(appPath, false, new UTF8Encoding(false), 1 << 20);
        using var web = new StreamWriter(webPath, false, new UTF8Encoding(false), 1 << 20);
        int appCount = 0, webCount = 0;
        var line = new StringBuilder(256);
        foreach (var p in people)
        {
            var channels = (p.DeviceIds.Count > 0 ? 1 : 0) + (p.OpenId is not null ? 1 : 0) + (p.Cookie is not null ? 1 : 0);
            if (channels == 0)
                continue;
            var n = (int)Math.Round(p.Activity * EventsPerActivity * (0.6 + random.NextDouble() * 0.8));
            for (var e = 0; e < n; e++)
            {
                var moment = ActiveMoment(random, p);
                if (moment is null)
                    continue;
                var pick = random.Next(channels);
                line.Clear();
                if (p.DeviceIds.Count > 0 && pick-- == 0)
                    AppLine(line, random, p, moment.Value, "app");
                else if (p.OpenId is not null && pick-- == 0)
                    AppLine(line, random, p, moment.Value, "miniprogram");
                else
                {
                    WebLine(line, random, p, moment.Value);
                    webCount += Emit(web, line, random);
                    continue;
                }
                appCount += Emit(app, line, random);
            }
        }
        return (appCount, webCount);
    }

    private static int Emit(StreamWriter writer, StringBuilder line, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.0004)
        {
            writer.Write(line.ToString(0, line.Length / 2)); // a line cut off by a crashed uploader
            writer.Write('\n');
            return 1;
        }
        writer.Write(line);
        writer.Write('\n');
        if (roll > 0.998)
        {
            writer.Write(line); // retried upload: the same event twice
            writer.Write('\n');
            return 2;
        }
        return 1;
    }

    private static void AppLine(StringBuilder s, Random random, DemoPerson p, DateTime moment, string channel)
    {
        var name = DemoPopulation.Pick(random, AppEvents);
        var category = random.NextDouble() < 0.6 ? p.FavouriteCategory : DemoPopulation.Categories[random.Next(DemoPopulation.Categories.Length)];
        s.Append("{\"event_id\":\"").Append(EventId(random)).Append("\",\"event\":\"").Append(name).Append('"');
        if (channel == "app")
            s.Append(",\"device_id\":\"").Append(p.DeviceIds[random.Next(p.DeviceIds.Count)]).Append("\",\"platform\":\"").Append(p.Index % 3 == 0 ? "ios" : "android").Append('"');
        else
            s.Append(",\"openid\":\"").Append(p.OpenId).Append("\",\"platform\":\"miniprogram\"");
        if (p.MemberNo is not null && random.NextDouble() < 0.5)
            s.Append(",\"member_no\":\"").Append(p.MemberNo).Append('"');
        var ts = random.NextDouble() < 0.0005 ? "\"unknown\"" : DirtyFormats.EpochMillis(moment).ToString(CultureInfo.InvariantCulture);
        s.Append(",\"ts\":").Append(ts);
        s.Append(",\"properties\":{\"category\":\"").Append(category).Append("\",\"sku\":\"SKU").Append(random.Next(1, 4000).ToString("D5", CultureInfo.InvariantCulture)).Append("\"}}");
    }

    private static void WebLine(StringBuilder s, Random random, DemoPerson p, DateTime moment)
    {
        var name = DemoPopulation.Pick(random, WebEvents);
        var category = random.NextDouble() < 0.6 ? p.FavouriteCategory : DemoPopulation.Categories[random.Next(DemoPopulation.Categories.Length)];
        s.Append("{\"id\":\"").Append(EventId(random)).Append("\",\"type\":\"").Append(name).Append("\",\"cookie_id\":\"").Append(p.Cookie).Append('"');
        if (p.Email is not null && random.NextDouble() < 0.3)
            s.Append(",\"user\":{\"email\":\"").Append(p.Email).Append("\"}");
        s.Append(",\"time\":\"").Append(moment.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)).Append("+08:00\"");
        s.Append(",\"page\":\"https://shop.example.cn/").Append(name == "search" ? "search" : "c/" + category).Append("\",\"props\":{\"category\":\"").Append(category).Append("\"}}");
    }

    internal static DateTime? ActiveMoment(Random random, DemoPerson p)
    {
        var from = p.SignedUp > DemoCalendar.Start ? p.SignedUp : DemoCalendar.Start;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var moment = DemoCalendar.Moment(random, from, DemoCalendar.AsOf);
            if (p.IsActiveOn(moment))
                return moment;
        }
        return null;
    }

    private static string EventId(Random random) => Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));
}
