using System.Net;
using TagCenter.Client;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Client;

/// <summary>Errors reach the caller as <see cref="TagCenterApiException"/> with the server's code, detail, trace id and diagnostics; never a bare HttpRequestException.</summary>
public sealed class ClientErrorTests(DemoWorkspace demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "no_such_tag")]
    [InlineData("zh", "no_such_tag")]
    public async Task Count_OfARuleWithAnUnknownTag_ThrowsWithDiagnosticsIntoTheRule(string language, string named)
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var client = new TagCenterClient(server.Client, new TagCenterClientOptions { Language = language });

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Segments.CountAsync("城市 = '上海' and\n  no_such_tag > 3", Cancel));

        e.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        e.Code.ShouldBe("workspace_invalid");
        e.TraceId.ShouldNotBeNullOrEmpty();
        e.Type.ShouldBe("urn:tagcenter:error:workspace_invalid");
        var d = e.Diagnostics.ShouldHaveSingleItem();
        // Line 2, column 3: where "no_such_tag" starts in the rule (counted by hand).
        (d.Line, d.Column).ShouldBe((2, 3));
        d.Message.ShouldNotBeNull().ShouldContain(named);
        e.Message.ShouldContain(":2:3:");
        if (language == "zh")
            d.Message.ShouldContain("未知名称");
        else
            d.Message.ShouldContain("unknown name");
    }

    [Fact]
    public async Task AWrongKey_Is401_Unauthenticated()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var client = new TagCenterClient(server.Anonymous(), new TagCenterClientOptions { ApiKey = "tc_not_a_key" });

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Status.GetAsync(Cancel));

        e.Status.ShouldBe(HttpStatusCode.Unauthorized);
        e.Code.ShouldBe("unauthenticated");
    }

    [Fact]
    public async Task AKeyThatMayOnlyRead_CannotCreateASegment_403()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var client = new TagCenterClient(await server.ClientForAsync(Core.Governance.Role.Viewer));

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Segments.CreateAsync(new SegmentRequest("x", "城市 = '上海'"), Cancel));

        e.Status.ShouldBe(HttpStatusCode.Forbidden);
        e.Code.ShouldBe("forbidden");
        (await client.Status.GetAsync(Cancel)).Sources.ShouldNotBeEmpty(); // reading is allowed
    }

    [Fact]
    public async Task AnUnknownTag_Is404_WithItsCode()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        using var client = new TagCenterClient(server.Client, new TagCenterClientOptions { Language = "en" });

        var e = await Should.ThrowAsync<TagCenterApiException>(() => client.Tags.GetAsync("nope", Cancel));

        e.Status.ShouldBe(HttpStatusCode.NotFound);
        e.Code.ShouldBe("tag_not_found");
        e.Detail.ShouldBe("unknown tag 'nope'");
    }
}
