namespace TagCenter.Server.Tests.Api;

/// <summary>Create, list, members, update and delete of a segment over the API, on a copy of the demo; 404 and 409 where they belong.</summary>
public sealed class SegmentsCrudTests(DemoWorkspace demo)
{
    private const string Rule = "city = '上海'";

    [Fact]
    public async Task Create_List_Members_Update_Delete_RoundTrip()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        long shanghai, beijing;
        using (var db = DuckDb.Storage.WorkspaceDatabase.OpenReadOnly(Path.Combine(root, ".tagcenter", "tagcenter.duckdb")))
        {
            shanghai = db.Scalar<long>("SELECT count(*) FROM dim_person WHERE city = '上海'");
            beijing = db.Scalar<long>("SELECT count(*) FROM dim_person WHERE city = '北京'");
        }
        shanghai.ShouldNotBe(beijing); // else the update below proves nothing
        await using (var server = await ApiServer.StartAsync(root))
        {
            var (created, body) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments",
                new { name = "上海顾客", rule = Rule, description = "住在上海", owner = "测试", business_line = "零售", type = "static" });
            created.ShouldBe(201, body.ToString());
            body.GetProperty("file").GetString().ShouldBe("segments/上海顾客.yaml");
            body.GetProperty("evaluated").GetBoolean().ShouldBeTrue();
            body.GetProperty("size").GetInt64().ShouldBe(shanghai);
            File.Exists(Path.Combine(root, "segments", "上海顾客.yaml")).ShouldBeTrue();

            var (again, conflict) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments", new { name = "上海顾客", rule = Rule });
            again.ShouldBe(409);
            conflict.GetProperty("code").GetString().ShouldBe("segment_exists");

            var list = await server.GetJsonAsync("/api/v1/segments");
            var listed = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "上海顾客");
            listed.GetProperty("size").GetInt64().ShouldBe(shanghai);
            listed.GetProperty("type").GetString().ShouldBe("static");
            listed.GetProperty("owner").GetString().ShouldBe("测试");
            listed.GetProperty("business_line").GetString().ShouldBe("零售");
            listed.GetProperty("entered").GetInt64().ShouldBe(shanghai);

            var members = await server.GetJsonAsync("/api/v1/segments/" + Uri.EscapeDataString("上海顾客") + "/members?page_size=10000");
            members.GetProperty("members").GetArrayLength().ShouldBe((int)shanghai);

            var (updated, after) = await server.SendAsync(HttpMethod.Put, "/api/v1/segments/" + Uri.EscapeDataString("上海顾客"), new { rule = "city = '北京'", type = "dynamic" });
            updated.ShouldBe(200, after.ToString());
            after.GetProperty("size").GetInt64().ShouldBe(beijing);
            var show = await server.GetJsonAsync("/api/v1/segments/" + Uri.EscapeDataString("上海顾客"));
            show.GetProperty("segment").GetProperty("rule").GetString().ShouldBe("city = '北京'");
            show.GetProperty("runs").GetArrayLength().ShouldBe(2);

            var (deleted, _) = await server.SendAsync(HttpMethod.Delete, "/api/v1/segments/" + Uri.EscapeDataString("上海顾客"));
            deleted.ShouldBe(204);
            File.Exists(Path.Combine(root, "segments", "上海顾客.yaml")).ShouldBeFalse();
            var (gone, _) = await server.SendAsync(HttpMethod.Get, "/api/v1/segments/" + Uri.EscapeDataString("上海顾客"));
            gone.ShouldBe(404);
        }
        // What the API wrote is a segment file the CLI reads: it lists the segment no more.
        var cli = await SegmentsCli.JsonAsync(root, "segment", "list");
        cli.EnumerateArray().ShouldNotContain(s => s.GetProperty("name").GetString() == "上海顾客");
    }

    [Fact]
    public async Task Create_ThenTheCli_ShowsTheSameSegment()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        await using (var server = await ApiServer.StartAsync(root))
        {
            var (created, body) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments", new { name = "高消费", rule = "累计消费金额 > 1000" });
            created.ShouldBe(201, body.ToString());
        }
        var show = await SegmentsCli.JsonAsync(root, "segment", "show", "高消费");
        show.GetProperty("rule").GetString().ShouldBe("累计消费金额 > 1000");
        var count = await SegmentsCli.JsonAsync(root, "segment", "count", "累计消费金额 > 1000");
        show.GetProperty("size").GetInt64().ShouldBe(count.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Delete_OfASegmentABoardShows_Is409()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Delete, "/api/v1/segments/" + Uri.EscapeDataString("高价值沉默"));
        status.ShouldBe(409, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("segment_in_use");
        problem.GetProperty("detail").GetString()!.ShouldContain("生命周期看板");
        File.Exists(Path.Combine(root, "segments", "高价值沉默.yaml")).ShouldBeTrue();
    }

    [Fact]
    public async Task Create_WithARuleNamingAnUnknownTag_Is422_AndWritesNothing()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp);
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments", new { name = "坏规则", rule = "no_such_tag = 1" }, "en");
        status.ShouldBe(422, problem.ToString());
        var d = problem.GetProperty("diagnostics")[0];
        d.GetProperty("file").GetString().ShouldBe("segments/坏规则.yaml");
        d.GetProperty("message").GetString()!.ShouldContain("no_such_tag");
        File.Exists(Path.Combine(root, "segments", "坏规则.yaml")).ShouldBeFalse();
        var (bad, named) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments", new { name = "a/b", rule = Rule });
        bad.ShouldBe(400);
        named.GetProperty("detail").GetString()!.ShouldStartWith("name:");
    }

    [Theory]
    [InlineData("/api/v1/segments/nope")]
    [InlineData("/api/v1/segments/nope/members")]
    [InlineData("/api/v1/segments/nope/trend")]
    [InlineData("/api/v1/segments/高价值沉默/explain/no-such-person")]
    public async Task Unknown_SegmentOrPerson_Is404(string path)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Get, path);
        status.ShouldBe(404, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("not_found");
    }
}
