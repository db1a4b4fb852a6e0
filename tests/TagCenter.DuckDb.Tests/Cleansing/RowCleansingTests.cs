using System.Globalization;
using System.Text.Json;
using Shouldly;
using TagCenter.Core.Cleansing;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Cleansing;

/// <summary>
/// The .NET port of cleansing (the live real-time path's) against the SQL pass it ports: for dirty and random events,
/// whenever the port decides, it decides what the SQL pass does (the row kept with the same values, or set aside).
/// </summary>
public sealed class RowCleansingTests : IDisposable
{
    private readonly TestWorkspace _workspace = new TestWorkspace().WithYaml("""
        name: cleansing
        default_country_code: "86"
        sources:
          events:
            kind: segment
            write_key: wk
            fact: events
            event_time: ts
            dedupe: [event_id]
            columns:
              event_id: { from: messageId, required: true }
              event: { from: event }
              type: { from: type, required: true }
              user_id: { from: userId, identifier: user_id }
              phone: { from: traits.phone, type: phone, identifier: phone, on_invalid: "null" }
              email: { from: traits.email, type: email, identifier: email, on_invalid: "null" }
              ts: { from: timestamp, type: timestamp, required: true, min: 2000, max: 2030 }
              revenue: { from: properties.revenue, type: decimal, on_invalid: "null" }
              cents: { from: properties.cents, type: decimal, unit: fen }
              qty: { from: properties.qty, type: int, min: 0, max: 1000 }
              vip: { from: properties.vip, type: bool, on_invalid: "null" }
              platform: { from: context.platform, values: [ios, android, web], map: { iPhone: ios } }
        identifiers:
          user_id: { description: SDK userId }
        """);

    private static readonly string?[] Strings = ["abc", " padded ", "null", "N/A", "\\N", "", "　", "  -  ", "undefined", "ios", "iPhone", "web", "Android", "x\ty", "中文"];

    private static readonly string?[] Times =
    [
        "2026-11-24 10:00:00.123456", "2026-11-24T10:00:00", "2026-11-24 10:00:00", "2026-02-30 10:00:00", "1999-12-31 23:59:59",
        "2031-01-01 00:00:00", "20261124", "20261124103000", "1764000000", "1764000000123", "12345", "yesterday", "2026/11/24",
        "2026-11-24 10:00:00.1234567", "2026年11月24日", null, "", " 2026-11-24 10:00:00 ",
    ];

    private static readonly string?[] Phones = ["13812345678", "138 1234 5678", "+8613812345678", "12345678901", "1381234567", "abc", "19912345678", null];

    private static readonly string?[] Emails = ["A@Example.COM", "a＠b.cn", "bad@", "x@y.z", "ü@x.de", "  a.b@c.io ", null];

    private static readonly string[] Numbers = ["12", "12.5", "12.505", "12.50", "0.1", "-0.25", "-3", "0", "\"1,000\"", "1e3", "\"7\"", "\"12.30\"", "\"¥12\"", "\"abc\"", "null", "true", "\"007\"", "99999", "\"1001\""];

    private static readonly string[] Bools = ["true", "false", "\"yes\"", "\"N\"", "\"是\"", "\"maybe\"", "1", "0", "\"TRUE\"", "null"];

    [Fact]
    public void Port_DecidesAsTheSqlPass_OnDirtyAndRandomEvents()
    {
        var random = new Random(20261124);
        var messages = new List<string>();
        for (var i = 0; i < 3000; i++)
            messages.Add(Message(random, i));
        // Shapes the reader sets aside.
        messages.AddRange(["[1,2]", """{"messageId":"n1","type":"track","timestamp":"2026-11-24 10:00:00","properties":{"qty":{"a":1}}}"""]);
        var (kept, rejected, _) = Compare(messages);
        // The comparison is not empty by construction: the port decides many rows, both ways.
        kept.ShouldBeGreaterThan(50);
        rejected.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Port_DecidesEveryEventAnSdkSends()
    {
        // What analytics-node sends: ISO instants (in workspace time by now), plain ids, numbers as JSON numbers.
        var messages = Enumerable.Range(0, 500).Select(i => string.Join(",",
            $"{{\"messageId\":\"sdk-{i}\",\"type\":\"{(i % 5 == 0 ? "identify" : "track")}\",\"event\":\"{(i % 3 == 0 ? "page_view" : "Order Completed")}\"",
            $"\"userId\":\"u-{i % 40}\",\"timestamp\":\"2026-11-{10 + (i % 20)} 0{i % 10}:1{i % 6}:05.{i:000000}\"",
            $"\"traits\":{{\"phone\":\"1381234{i:0000}\",\"email\":\"User{i}@Example.com\"}}",
            $"\"properties\":{{\"revenue\":{i}.{i % 100},\"cents\":{i * 3},\"qty\":{i % 7},\"vip\":{(i % 2 == 0 ? "true" : "false")}}}",
            $"\"context\":{{\"platform\":\"{(i % 2 == 0 ? "iPhone" : "web")}\"}}}}")).ToList();
        var (kept, _, unsure) = Compare(messages);
        unsure.ShouldBe(0);
        kept.ShouldBe(500);
    }

    private (int Kept, int Rejected, int Unsure) Compare(List<string> messages)
    {
        var source = _workspace.Definition.FindSource("events")!;
        var db = _workspace.Database;
        EventAppender.Stage(db, _workspace.Definition, source, [.. messages.Select((m, i) => new EventRow(i, System.Text.Encoding.UTF8.GetBytes(m)))], "test");
        var columns = source.Columns.Select(c => c.Name).ToList();
        var staged = db.Rows($"SELECT _line, _error_reason, {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM tc_event_staged")
            .ToDictionary(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture));

        var (kept, rejected, unsure) = (0, 0, 0);
        for (var line = 0; line < messages.Count; line++)
        {
            var (verdict, values) = RowCleansing.Clean(source, messages[line], "86");
            var sql = staged.GetValueOrDefault(line);
            var sqlKept = sql is not null && sql[1] is null;
            switch (verdict)
            {
                case RowVerdict.Unsure:
                    unsure++;
                    continue;
                case RowVerdict.Rejected:
                    rejected++;
                    sqlKept.ShouldBeFalse($"line {line} rejected by the port, kept by SQL: {messages[line]}");
                    continue;
            }
            kept++;
            sqlKept.ShouldBeTrue($"line {line} kept by the port, set aside by SQL ({sql?[1]}): {messages[line]}");
            for (var c = 0; c < columns.Count; c++)
                Text(values![columns[c]]).ShouldBe(Text(sql![c + 2]), $"line {line} column {columns[c]}: {messages[line]}");
        }
        return (kept, rejected, unsure);
    }

    [Theory]
    [InlineData("  null ", null)]
    [InlineData("\u3000abc\t", "abc")]
    [InlineData("-", null)]
    [InlineData("a-b", "a-b")]
    public void Normalise_AsHandChecked(string raw, string? expected) => RowCleansing.Normalise(raw).ShouldBe(expected);

    private static string Message(Random random, int i)
    {
        var parts = new List<string> { $"\"messageId\":\"m{i % 2900}\"", "\"type\":\"track\"" };
        void Maybe(string json, double p = 0.8)
        {
            if (random.NextDouble() < p)
                parts.Add(json);
        }
        Maybe($"\"event\":{Quote(Pick(random, Strings))}");
        Maybe($"\"userId\":{Quote(Pick(random, Strings))}");
        Maybe($"\"timestamp\":{Quote(Pick(random, Times))}", 0.95);
        Maybe($"\"traits\":{{\"phone\":{Quote(Pick(random, Phones))},\"email\":{Quote(Pick(random, Emails))}}}");
        Maybe($"\"properties\":{{\"revenue\":{Pick(random, Numbers)},\"cents\":{Pick(random, Numbers)},\"qty\":{Pick(random, Numbers)},\"vip\":{Pick(random, Bools)}}}");
        Maybe($"\"context\":{{\"platform\":{Quote(Pick(random, Strings))}}}");
        return "{" + string.Join(",", parts.OrderBy(_ => random.Next())) + "}";
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string Quote(string? value) => value is null ? "null" : JsonSerializer.Serialize(value);

    /// <summary>A value as text both sides agree on: times to the microsecond, numbers without trailing zeros.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double d => ((decimal)d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public void Dispose() => _workspace.Dispose();
}
