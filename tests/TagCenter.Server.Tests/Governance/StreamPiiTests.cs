using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Realtime;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// The real-time stream (<c>/v1/stream/segments/{name}</c>) seen by a marketer without pii:read: a demo person with a
/// phone and a name leaves a segment, and the event names them by OneID only — none of their values read with pii:read.
/// </summary>
public sealed class StreamPiiTests(DemoWorkspace demo)
{
    private const string Segment = "新客未下单";

    [Fact]
    public async Task SegmentStream_CarriesOneIdsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rt = await RealtimeDemo.StartAsync(demo);
        var members = (await rt.Host.ReadAsync((db, _) => db.Rows(
            "SELECT oneid FROM segment_members WHERE segment = $1 AND to_seq IS NULL ORDER BY oneid", Segment), ct)).Select(r => (string)r[0]!).ToList();
        KnownPerson? person = null;
        foreach (var member in members)
            if ((person = await KnownPerson.ReadAsync(rt.Server, member)) is not null)
                break;
        person.ShouldNotBeNull("a member with a phone and a name");

        var marketer = await rt.Server.ClientForAsync(Role.Marketer);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/stream/segments/" + Uri.EscapeDataString(Segment), UriKind.Relative));
        using var response = await marketer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        ((int)response.StatusCode).ShouldBe(200);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var asOf = RealtimeDemo.DemoAsOf.AddHours(1);
        await rt.AddAsync([new FactEvent(person.OneId, "order", asOf.AddMinutes(-5))]);
        await rt.ApplyAsync([person.OneId], asOf);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var lines = new List<string>();
        while (!lines.Any(l => l.StartsWith("data:", StringComparison.Ordinal)))
            lines.Add(await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException());
        var text = string.Join("\n", lines);
        text.ShouldContain("event: left");
        text.ShouldContain(person.OneId);
        person.ShouldNotLeakInto(text, "the segment stream");
    }
}
