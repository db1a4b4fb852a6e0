namespace TagCenter.Server.Tests.Api;

/// <summary><c>POST /api/v1/segments/count</c>: the CLI's count for the same rule, and rule errors as 422 pointing into the rule.</summary>
public sealed class SegmentsCountTests(DemoWorkspace demo)
{
    public static TheoryData<string> Rules => new()
    {
        // The demo's three seed segments, and behaviour with a where: filter (computed in SQL beside the index).
        "age between 18 and 25 and 城市 = '上海' and not did('orders', within: 30d)",
        "生命周期阶段 = '新客' and not did('orders', within: 30d)",
        "累计消费金额 > 3000 and 生命周期阶段 = '沉默'",
        "did('orders', within: 1y, where: amount > 300) and 城市 in ('上海', '北京')",
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Count_EqualsTheClisCount(string rule)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        var cli = await SegmentsCli.JsonAsync(root, "segment", "count", rule);
        await using var server = await ApiServer.StartAsync(root);
        var (status, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule });
        status.ShouldBe(200, api.ToString());
        api.GetProperty("size").GetInt64().ShouldBe(cli.GetProperty("size").GetInt64());
        api.GetProperty("persons").GetInt64().ShouldBe(cli.GetProperty("persons").GetInt64());
        api.GetProperty("share").GetDouble().ShouldBe(cli.GetProperty("share").GetDouble(), 1e-12);
        api.GetProperty("engine").GetString().ShouldBe("index");
        api.GetProperty("as_of").GetDateTime().ShouldBe(cli.GetProperty("as_of").GetDateTime());
        api.GetProperty("elapsed_ms").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Count_OfACityRule_IsTheNumberOfPersonsOfThatCity()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        // An independent figure: the golden records whose city is 上海, counted in plain SQL.
        long expected;
        using (var db = DuckDb.Storage.WorkspaceDatabase.OpenReadOnly(Path.Combine(root, ".tagcenter", "tagcenter.duckdb")))
            expected = db.Scalar<long>("SELECT count(*) FROM dim_person WHERE city = '上海'");
        expected.ShouldBeGreaterThan(0);
        await using var server = await ApiServer.StartAsync(root);
        var (_, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule = "city = '上海'" });
        api.GetProperty("size").GetInt64().ShouldBe(expected);
    }

    [Fact]
    public async Task Counts_OfTheLifecycleStages_AddUpToEveryone()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        long persons;
        using (var db = DuckDb.Storage.WorkspaceDatabase.OpenReadOnly(Path.Combine(root, ".tagcenter", "tagcenter.duckdb")))
            persons = db.Scalar<long>("SELECT count(*) FROM dim_person");
        await using var server = await ApiServer.StartAsync(root);
        long sum = 0;
        foreach (var stage in new[] { "新客", "活跃", "沉默", "流失", "回流" })
        {
            var (status, api) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule = $"生命周期阶段 = '{stage}'" });
            status.ShouldBe(200, api.ToString());
            api.GetProperty("persons").GetInt64().ShouldBe(persons);
            sum += api.GetProperty("size").GetInt64();
        }
        sum.ShouldBe(persons); // every person is in exactly one stage
    }

    [Theory]
    [InlineData("en", "累计消费金额 > and 城市 = '上海'", 1, 10)]
    [InlineData("zh-CN", "累计消费金额 > and 城市 = '上海'", 1, 10)]
    [InlineData("en", "城市 = '上海' and\n  no_such_tag > 3", 2, 3)]
    [InlineData("zh-CN", "城市 = '上海' and\n  no_such_tag > 3", 2, 3)]
    public async Task Count_OfABrokenRule_Is422_WithDiagnosticsIntoTheRule(string language, string rule, int line, int column)
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule }, language);
        status.ShouldBe(422, problem.ToString());
        problem.GetProperty("code").GetString().ShouldBe("workspace_invalid");
        var diagnostics = problem.GetProperty("diagnostics").EnumerateArray().ToList();
        diagnostics.ShouldNotBeEmpty();
        var first = diagnostics[0];
        first.GetProperty("file").GetString().ShouldBe("<rule>");
        first.GetProperty("line").GetInt32().ShouldBe(line);
        first.GetProperty("column").GetInt32().ShouldBe(column);
        var message = first.GetProperty("message").GetString()!;
        // The rule's own names are Chinese in both languages: look at the words around them.
        var words = message.Replace("累计消费金额", "", StringComparison.Ordinal).Replace("城市", "", StringComparison.Ordinal).Replace("上海", "", StringComparison.Ordinal);
        if (language == "en")
            words.ShouldMatch("[a-z]{3,} [a-z]{2,}");
        else
            words.ShouldMatch(@"[\u4e00-\u9fff]");
        if (rule.Contains("no_such_tag", StringComparison.Ordinal))
            message.ShouldContain("no_such_tag");
    }

    [Fact]
    public async Task Count_WithoutARule_Is400_NamingTheField()
    {
        using var temp = new TempFolder();
        var root = demo.Copy(temp); // its own copy: the CLI and the server never share a database file
        await using var server = await ApiServer.StartAsync(root);
        var (status, problem) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", new { rule = " " });
        status.ShouldBe(400);
        problem.GetProperty("code").GetString().ShouldBe("invalid_field");
        problem.GetProperty("detail").GetString()!.ShouldStartWith("rule:");
        var (bad, _) = await server.SendAsync(HttpMethod.Post, "/api/v1/segments/count", "{\"rule\": 3}");
        bad.ShouldBe(400);
    }
}
