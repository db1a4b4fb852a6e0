using System.Text.Json;
using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// <c>GET /api/v1/me</c> says what the key may do, as the README's role × scope matrix writes it (admin: ingest, read,
/// write, admin; marketer: read, write; ingest keys cannot read), with the business line and the PII right it was given.
/// </summary>
public sealed class MeTests(DemoWorkspace demo)
{
    [Fact]
    public async Task Me_IsTheKeysRole_Scopes_Line_AndPiiRight()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);

        var admin = await server.GetJsonAsync("/api/v1/me");
        admin.GetProperty("role").GetString().ShouldBe("admin");
        Scopes(admin).ShouldBe(["admin", "ingest", "read", "write"]);
        admin.GetProperty("business_line").ValueKind.ShouldBe(JsonValueKind.Null);
        admin.GetProperty("pii_read").GetBoolean().ShouldBeTrue();

        var marketer = await server.ClientForAsync(Role.Marketer, line: "电商", name: "li");
        var (status, me) = await ApiServer.SendAsync(marketer, HttpMethod.Get, "/api/v1/me");
        status.ShouldBe(200);
        me.GetProperty("name").GetString().ShouldBe("li");
        me.GetProperty("role").GetString().ShouldBe("marketer");
        Scopes(me).ShouldBe(["read", "write"]);
        me.GetProperty("business_line").GetString().ShouldBe("电商");
        me.GetProperty("pii_read").GetBoolean().ShouldBeFalse();

        var ingest = await server.ClientForAsync(Role.Ingest);
        (await ApiServer.SendAsync(ingest, HttpMethod.Get, "/api/v1/me")).Status.ShouldBe(403);
        (await ApiServer.SendAsync(server.Anonymous(), HttpMethod.Get, "/api/v1/me")).Status.ShouldBe(401);
    }

    private static string[] Scopes(JsonElement me) => [.. me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!)];
}
