using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Client;

namespace TagCenter.Server.Tests.Client;

/// <summary>
/// What is sent again: a 5xx (408, 429) of a call that may be repeated, with backoff; never a 4xx, never a POST that
/// changes something. Counted on a fake handler under the real resilience handler (DI) and the client's own.
/// </summary>
public sealed class ClientRetryTests
{
    private const string Status = """{"workspace":"/w","database":"/w/db","snapshot":null,"sources":[],"stages":[{"stage":"tags","fresh":true,"last_run":null,"reasons":[]}]}""";
    private const string Unavailable = """{"status":503,"code":"busy","title":"Service unavailable","detail":"busy","trace_id":"t-1"}""";
    private const string BadRequest = """{"status":400,"code":"invalid_body","title":"Bad request","detail":"rule is required","trace_id":"t-2"}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static TagCenterClientOptions Options => new()
    {
        BaseAddress = new Uri("http://tagcenter.test/base"),
        ApiKey = "tc_key",
        Language = "zh",
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    /// <summary>The client as <c>AddTagCenterClient</c> registers it, over <paramref name="fake"/>.</summary>
    private static (ServiceProvider Services, TagCenterClient Client) Registered(FakeHandler fake)
    {
        var services = new ServiceCollection();
        services.AddTagCenterClient(Options).ConfigurePrimaryHttpMessageHandler(() => fake);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<TagCenterClient>());
    }

    [Fact]
    public async Task Registered_TwoFailuresWith503_ThenSuccess_IsRetried()
    {
        var fake = new FakeHandler((HttpStatusCode.ServiceUnavailable, Unavailable), (HttpStatusCode.ServiceUnavailable, Unavailable), (HttpStatusCode.OK, Status));
        var (services, client) = Registered(fake);
        await using var _ = services;

        var status = await client.Status.GetAsync(Cancel);

        fake.Calls.ShouldBe(3);
        status.Stages.ShouldHaveSingleItem().Stage.ShouldBe("tags");
        // Each attempt carries the key, the language, and keeps the base address's path.
        fake.Sent.ShouldAllBe(s => s.Path == "/base/api/v1/status" && s.Authorization == "Bearer tc_key" && s.Language == "zh");
    }

    [Fact]
    public async Task Registered_A400_IsNotRetried_AndThrowsItsProblem()
    {
        var fake = new FakeHandler((HttpStatusCode.BadRequest, BadRequest), (HttpStatusCode.OK, Status));
        var (services, client) = Registered(fake);
        await using var _ = services;

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Status.GetAsync(Cancel));

        fake.Calls.ShouldBe(1);
        (e.Status, e.Code, e.Detail, e.TraceId).ShouldBe((HttpStatusCode.BadRequest, "invalid_body", "rule is required", "t-2"));
    }

    [Fact]
    public async Task Registered_AlwaysFailing_GivesUpAfterTheRetries_WithTheLastProblem()
    {
        var fake = new FakeHandler((HttpStatusCode.ServiceUnavailable, Unavailable));
        var (services, client) = Registered(fake);
        await using var _ = services;

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Status.GetAsync(Cancel));

        fake.Calls.ShouldBe(1 + Options.MaxRetries);
        (e.Status, e.Code).ShouldBe((HttpStatusCode.ServiceUnavailable, "busy"));
    }

    [Fact]
    public async Task Registered_APostThatChangesSomething_IsSentOnce_ACountIsRetried()
    {
        var fake = new FakeHandler((HttpStatusCode.ServiceUnavailable, Unavailable));
        var (services, client) = Registered(fake);
        await using var _ = services;

        await Should.ThrowAsync<TagCenterApiException>(() => client.Segments.CreateAsync(new SegmentRequest("s", "城市 = '上海'"), Cancel));
        fake.Calls.ShouldBe(1);

        await Should.ThrowAsync<TagCenterApiException>(() => client.Segments.CountAsync("城市 = '上海'", Cancel));
        fake.Calls.ShouldBe(1 + 1 + Options.MaxRetries);
        System.Text.Json.JsonDocument.Parse(fake.Sent[^1].Body!).RootElement.GetProperty("rule").GetString().ShouldBe("城市 = '上海'");
    }

    [Fact]
    public async Task Standalone_TwoFailuresWith503_ThenSuccess_IsRetried_A400IsNot()
    {
        var fake = new FakeHandler((HttpStatusCode.ServiceUnavailable, Unavailable), (HttpStatusCode.ServiceUnavailable, Unavailable), (HttpStatusCode.OK, Status));
        using (var client = new TagCenterClient(Options, fake))
            (await client.Status.GetAsync(Cancel)).Stages.Count.ShouldBe(1);
        fake.Calls.ShouldBe(3);

        var refusing = new FakeHandler((HttpStatusCode.BadRequest, BadRequest));
        using (var client = new TagCenterClient(Options, refusing))
            await Should.ThrowAsync<TagCenterApiException>(() => client.Status.GetAsync(Cancel));
        refusing.Calls.ShouldBe(1);
    }
}
