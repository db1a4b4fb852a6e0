using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Governance;
using TagCenter.Server.Access;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>Users and keys through the API and the CLI, key scopes, and the audit log they leave (hash-chained, read-only).</summary>
public sealed class AccessTests(DemoWorkspace demo)
{
    [Fact]
    public async Task Key_CreatedByAdmin_IsShownOnce_AndWorksWithItsRolesScopes()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, created) = await server.SendAsync(HttpMethod.Post, "/api/v1/keys", new { role = "viewer", name = "zhao" });
        status.ShouldBe(201);
        var key = created.GetProperty("key").GetString()!;
        key.ShouldStartWith("tc_");
        var id = created.GetProperty("record").GetProperty("id").GetString()!;
        var viewer = server.ClientWithKey(key);
        (await ApiServer.SendAsync(viewer, HttpMethod.Get, "/ready")).Status.ShouldBe(200);
        (await ApiServer.SendAsync(viewer, HttpMethod.Get, "/api/v1/keys")).Status.ShouldBe(403);
        var list = await server.GetJsonAsync("/api/v1/keys");
        list.EnumerateArray().Select(k => k.GetRawText()).ShouldAllBe(text => !text.Contains(key, StringComparison.Ordinal));
        list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id).GetProperty("name").GetString().ShouldBe("zhao");
        (await server.SendAsync(HttpMethod.Post, $"/api/v1/keys/{id}/revoke")).Status.ShouldBe(204);
        (await ApiServer.SendAsync(viewer, HttpMethod.Get, "/ready")).Status.ShouldBe(401);
    }

    [Fact]
    public async Task UnknownRole_Is400_InTheRequestsLanguage()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (status, body) = await server.SendAsync(HttpMethod.Post, "/api/v1/users", new { name = "x", role = "superuser" }, "zh-CN");
        status.ShouldBe(400);
        body.GetProperty("code").GetString().ShouldBe("unknown_role");
        body.GetProperty("detail").GetString().ShouldBe("没有角色 superuser（可选：admin, analyst, marketer, viewer, ingest）");
    }

    [Fact]
    public async Task Changes_AreAudited_AndTheAuditIsNotEditable()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        (await server.SendAsync(HttpMethod.Post, "/api/v1/users", new { name = "li", role = "marketer", business_line = "电商" })).Status.ShouldBe(201);
        (await server.SendAsync(HttpMethod.Post, "/api/v1/users", new { name = "li", role = "viewer" })).Status.ShouldBe(409);
        var audit = await server.GetJsonAsync("/api/v1/audit?action=user.create");
        var row = audit.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("actor").GetString().ShouldBe("test-admin");
        row.GetProperty("target").GetString().ShouldBe("user:li");
        JsonDocument.Parse(row.GetProperty("after").GetString()!).RootElement.GetProperty("business_line").GetString().ShouldBe("电商");
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            (await server.SendAsync(method, "/api/v1/audit", "{}")).Status.ShouldBe(405);
        var analyst = await server.ClientForAsync(Role.Analyst);
        (await ApiServer.SendAsync(analyst, HttpMethod.Get, "/api/v1/audit")).Status.ShouldBe(403);
    }

    [Fact]
    public async Task TamperedAuditRow_IsFoundByTheEndpoint_AndByTheCli()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        foreach (var name in new[] { "a", "b", "c" })
            (await server.SendAsync(HttpMethod.Post, "/api/v1/users", new { name, role = "viewer" })).Status.ShouldBe(201);
        var verify = await server.GetJsonAsync("/api/v1/audit/verify");
        verify.GetProperty("valid").GetBoolean().ShouldBeTrue();
        var rows = (await server.GetJsonAsync("/api/v1/audit")).GetProperty("entries").EnumerateArray().ToList();
        var seqOfB = rows.Single(r => r.GetProperty("target").GetString() == "user:b").GetProperty("seq").GetInt64();

        var file = server.Store["sqlite:".Length..];
        await using (var connection = new SqliteConnection("Data Source=" + file))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit SET actor = 'someone-else' WHERE seq = $seq";
            command.Parameters.AddWithValue("$seq", seqOfB);
            (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        var broken = await server.GetJsonAsync("/api/v1/audit/verify");
        broken.GetProperty("valid").GetBoolean().ShouldBeFalse();
        broken.GetProperty("break").GetProperty("seq").GetInt64().ShouldBe(seqOfB);
        broken.GetProperty("break").GetProperty("reason").GetString().ShouldBe("tampered");

        var (exit, output) = await Tagcenter.RunAsync(["audit", "--verify", "-w", demo.Root, "--store", server.Store, "--lang", "en"], TestContext.Current.CancellationToken);
        exit.ShouldBe(8);
        output.ShouldContain($"row {seqOfB} was changed");
    }

    [Fact]
    public async Task Cli_KeysAndUsers_WriteTheStoreTheServerReads()
    {
        using var folder = new TempFolder();
        var store = "sqlite:" + Path.Combine(folder.Path, "control.db");
        var (exit, output) = await Tagcenter.RunAsync(["keys", "create", "-w", demo.Root, "--store", store, "--role", "marketer", "--line", "电商", "--name", "li", "--json"],
            TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        var key = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("key").GetString()!;
        (exit, output) = await Tagcenter.RunAsync(["keys", "create", "-w", demo.Root, "--store", store, "--role", "boss"], TestContext.Current.CancellationToken);
        exit.ShouldBe(1);
        output.ShouldContain("boss");
        await using var server = await ApiServer.StartAsync(demo.Root, store: store);
        (await ApiServer.SendAsync(server.ClientWithKey(key), HttpMethod.Get, "/ready")).Status.ShouldBe(200);
        var audit = await server.GetJsonAsync("/api/v1/audit?action=key.create");
        audit.GetProperty("entries")[0].GetProperty("actor").GetString().ShouldStartWith("os:");
    }

    [Fact]
    public async Task DataPolicy_LinesAndMasks_ByCaller()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var policy = server.App.Services.GetRequiredService<IDataPolicy>();
        var marketer = new Caller("li", new HashSet<string> { "read", "write" }, "电商", CanReadPii: false);
        var company = marketer with { BusinessLine = null };
        var reader = company with { Name = "wang", CanReadPii = true };
        var catalog = Core.Tags.TagCatalog.From([Tag("a", "全公司"), Tag("b", "电商"), Tag("c", "门店")]);
        policy.VisibleTags(catalog, marketer).Tags.Select(t => t.Code).ShouldBe(["a", "b"]);
        policy.VisibleTags(catalog, company).Tags.Select(t => t.Code).ShouldBe(["a", "b", "c"]);
        policy.CanSee(new Core.Segments.SegmentDefinition { Name = "s", Rule = "x", File = "f", BusinessLine = "门店" }, marketer).ShouldBeFalse();
        policy.CanSee(new Core.Segments.SegmentDefinition { Name = "s", Rule = "x", File = "f", BusinessLine = "电商" }, marketer).ShouldBeTrue();

        policy.Mask("phone", "13812348000", marketer).ShouldBe("138****8000");
        policy.Mask("email", "zhang@qq.com", marketer).ShouldBe("z***@qq.com");
        policy.Mask("name", "张三", marketer).ShouldBe("张*");
        policy.Mask("city", "杭州", marketer).ShouldBe("杭州");
        policy.Mask("phone", "13812348000", reader).ShouldBe("13812348000");
        var reads = await server.GetJsonAsync("/api/v1/audit?action=pii.read");
        var row = reads.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("actor").GetString().ShouldBe("wang");
        row.GetProperty("target").GetString().ShouldBe("phone");
    }

    private static Core.Tags.TagDefinition Tag(string code, string line) => new()
    {
        Name = code,
        Code = code,
        Path = ["t"],
        Kind = Core.Tags.TagKind.Value,
        Type = Core.Tags.TagValueType.String,
        File = "f",
        BusinessLine = line,
    };
}
