using System.Globalization;
using System.Text;

namespace TagCenter.Demo;

/// <summary>Offline POS sales, mini-program users and service-desk tickets: three more systems, three more styles.</summary>
internal static class StoreExportWriters
{
    private static readonly (string Code, string Name, string City)[] Stores =
    [
        ("SH001", "上海南京西路店", "上海"), ("SH002", "上海徐家汇店", "上海"), ("BJ001", "北京三里屯店", "北京"),
        ("BJ002", "北京西单店", "北京"), ("GZ001", "广州天河城店", "广州"), ("SZ001", "深圳万象城店", "深圳"),
        ("HZ001", "杭州湖滨店", "杭州"), ("CD001", "成都春熙路店", "成都"), ("WH001", "武汉江汉路店", "武汉"),
    ];

    private static readonly string[] TicketTypes = ["物流咨询", "退换货", "商品质量", "会员积分", "发票", "投诉"];

    public static int WritePos(string path, IReadOnlyList<DemoPerson> people, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("小票号,门店编码,门店名称,会员手机,金额,销售时间,支付方式\n");
        var rows = 0;
        foreach (var p in people)
        {
            var visits = OrderExportWriter.Poisson(random, p.Activity * 0.9);
            for (var v = 0; v < visits; v++)
            {
                if (EventLogWriter.ActiveMoment(random, p) is not { } moment)
                    continue;
                var store = Stores.FirstOrDefault(s => s.City == p.City, Stores[random.Next(Stores.Length)]);
                var amount = Math.Round((decimal)(Math.Exp(4.2 + DemoPopulation.Normal(random) * 0.8)), 2);
                // Cashiers ask for the phone about two times in three; the rest are walk-ins with no identifier.
                // Some cashiers key a placeholder number instead of leaving it empty: a junk value shared by
                // thousands of strangers, which the identity blocklist must catch.
                var phone = random.NextDouble() < 0.65 ? DirtyFormats.Phone(random, p.Phone) : random.NextDouble() < 0.15 ? "13800000000" : "";
                var pay = random.NextDouble() switch { < 0.55 => "微信支付", < 0.85 => "支付宝", < 0.95 => "银行卡", _ => "现金" };
                writer.Write($"P{moment:yyMMdd}{store.Code}{rows:D6},{store.Code},{store.Name},{DirtyFormats.Csv(phone)},{DirtyFormats.Csv(DirtyFormats.Yuan(random, amount))},{moment.Year}/{moment.Month}/{moment.Day} {moment:HH:mm},{pay}\n");
                rows++;
            }
        }
        return rows;
    }

    public static int WriteMiniProgramUsers(string path, IReadOnlyList<DemoPerson> people, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("openid,unionid,phone,nickname,gender,city,authorized_at\n");
        var rows = 0;
        foreach (var p in people.Where(p => p.OpenId is not null))
        {
            var phone = random.NextDouble() < 0.55 ? p.Phone : "";
            var gender = random.NextDouble() < 0.15 ? "0" : p.Male ? "1" : "2"; // WeChat: 0 unknown, 1 male, 2 female
            var city = random.NextDouble() < 0.5 ? DirtyFormats.City(random, p.City) : "";
            var nickname = random.NextDouble() < 0.1 ? "微信用户" : p.Name[..1] + "小" + p.Name[^1..];
            writer.Write($"{p.OpenId},{p.UnionId},{phone},{DirtyFormats.Csv(nickname)},{gender},{DirtyFormats.Csv(city)},{DirtyFormats.EpochMillis(p.SignedUp.AddDays(random.Next(0, 30))).ToString(CultureInfo.InvariantCulture)}\n");
            rows++;
        }
        return rows;
    }

    public static int WriteTickets(string path, IReadOnlyList<DemoPerson> people, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("工单号,手机号,会员号,创建时间,类别,满意度,内容\n");
        var rows = 0;
        foreach (var p in people)
        {
            var tickets = OrderExportWriter.Poisson(random, 0.3 + (p.ChurnedAt is null ? 0 : 0.3));
            for (var t = 0; t < tickets; t++)
            {
                if (EventLogWriter.ActiveMoment(random, p) is not { } moment)
                    continue;
                var type = TicketTypes[random.Next(TicketTypes.Length)];
                var score = random.NextDouble() < 0.2 ? "" : random.NextDouble() < 0.01 ? "10" : random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
                var content = random.NextDouble() < 0.1 ? $"客户来电：{type}\n已记录，待跟进，\"加急\"" : $"客户咨询{type}";
                var phone = random.NextDouble() < 0.8 ? DirtyFormats.Phone(random, p.Phone) : "";
                var member = p.MemberNo is not null && random.NextDouble() < 0.5 ? p.MemberNo : "";
                writer.Write($"CS{rows + 1:D7},{DirtyFormats.Csv(phone)},{member},{DirtyFormats.Csv(DirtyFormats.Timestamp(random, moment))},{type},{score},{DirtyFormats.Csv(content)}\n");
                rows++;
            }
        }
        return rows;
    }
}
