using Shouldly;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.DuckDb.Tests.Ingest;

/// <summary>
/// Found by review: an SDK event sent at 07:52:42Z was stored as 07:52:42 in a Shanghai workspace whose other events
/// are local wall time (15:52:42). The conversions below are worked by hand (Shanghai is UTC+8, no daylight saving).
/// </summary>
public sealed class EventTimesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>An event as the log holds it (UTF-8), in workspace time.</summary>
    private static string Convert(string json, TimeZoneInfo zone) => EventTimes.ToWorkspaceTime(System.Text.Encoding.UTF8.GetBytes(json), zone);

    [Theory]
    [InlineData("2026-11-23T07:52:42.000Z", "2026-11-23 15:52:42.000000")]
    [InlineData("2026-11-23T20:00:00Z", "2026-11-24 04:00:00.000000")] // crosses midnight into the next local day
    [InlineData("2026-11-23T15:52:42+08:00", "2026-11-23 15:52:42.000000")]
    [InlineData("2026-11-23T02:52:42-05:00", "2026-11-23 15:52:42.000000")]
    public void ZonedTimestamp_BecomesWorkspaceWallTime(string sent, string stored)
    {
        var json = Convert($$"""{"type":"track","timestamp":"{{sent}}","event":"x"}""", Shanghai);
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("timestamp").GetString().ShouldBe(stored);
    }

    // Chinese text unescaped, spacing, key order, nested objects, numbers as written: all as sent. Converted by hand:
    // 07:52:42Z and 23:10:00Z are 15:52:42 and 07:10:00 (next day) in Shanghai; sentAt has no zone and stays.
    private const string Sent = """
        { "event" : "下单", "timestamp":"2026-11-23T07:52:42.000Z", "properties": {"城市":"上海","amount":12.50,"timestamp":"2026-11-23T07:52:42Z"},
          "sentAt":"2026-11-23 15:52:43", "receivedAt": "2026-11-23T23:10:00Z", "n": [1, 2.0e3, null, true] }
        """;

    private const string Stored = """
        { "event" : "下单", "timestamp":"2026-11-23 15:52:42.000000", "properties": {"城市":"上海","amount":12.50,"timestamp":"2026-11-23T07:52:42Z"},
          "sentAt":"2026-11-23 15:52:43", "receivedAt": "2026-11-24 07:10:00.000000", "n": [1, 2.0e3, null, true] }
        """;

    [Fact]
    public void OnlyTheTopLevelTimes_Change_AndEverythingElseIsKeptByteForByte() =>
        Convert(Sent, Shanghai).ShouldBe(Stored);

    [Theory]
    [InlineData("""{"timestamp":"2026-11-23T07:52:42Z" """)]
    [InlineData("""{"timestamp":"2026-11-23T07:52:42Z"} {}""")]
    [InlineData("not json")]
    public void InvalidJson_IsRefused(string json) =>
        Should.Throw<System.Text.Json.JsonException>(() => Convert(json, Shanghai));

    [Fact]
    public void WallTime_AndOtherFields_AreLeftAlone()
    {
        const string json = """{"type":"track","timestamp":"2026-11-23 15:52:42","properties":{"when":"2026-11-23T07:52:42Z"}}""";
        Convert(json, Shanghai).ShouldBe(json);
    }
}
