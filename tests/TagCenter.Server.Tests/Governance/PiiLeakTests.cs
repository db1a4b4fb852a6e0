using TagCenter.Core.Governance;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// No path lets a caller without pii:read obtain an unmasked value. A demo person's phone, email and name are read
/// with the admin client (pii:read) from a copy of the demo (a server of its own: servers over one workspace share its
/// event log); then a marketer without pii:read asks for that person every way the API allows —
/// by OneID, by phone in both forms, by email — and through members, exports, explains, analyses, errors and the
/// audit log, and no answer may hold any of those raw values.
/// </summary>
public sealed class PiiLeakTests(DemoWorkspace demo)
{
    private const string UnknownPhone = "19912340567";

    [Fact]
    public async Task Profile_ByEveryIdentifier_IsMasked_AndDoesNotEchoThePhone()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        var person = await KnownPerson.FindAsync(server);
        var marketer = await server.ClientForAsync(Role.Marketer);
        var phone = person.Phones[0];
        foreach (var id in new[] { person.OneId, phone, KnownPerson.National(phone), person.Emails[0] })
        {
            var (status, body) = await ApiServer.SendAsync(marketer, HttpMethod.Get, "/api/v1/profiles/" + Uri.EscapeDataString(id));
            status.ShouldBe(200, body.ToString());
            person.ShouldNotLeakInto(body.GetRawText(), "profile by " + id);
            body.GetProperty("oneid").GetString().ShouldBe(person.OneId);
            var identifiers = body.GetProperty("identifiers").EnumerateArray().ToList();
            identifiers.Where(i => i.GetProperty("type").GetString() == "phone").Select(i => i.GetProperty("value").GetString())
                .ShouldBe(person.Phones.Select(KnownPerson.PhoneMask), ignoreOrder: true);
            identifiers.Where(i => i.GetProperty("type").GetString() == "email").Select(i => i.GetProperty("value").GetString())
                .ShouldBe(person.Emails.Select(KnownPerson.EmailMask), ignoreOrder: true);
            body.GetProperty("golden").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "name").GetProperty("value").GetString()
                .ShouldBe(person.NameMask);
        }
    }

    [Fact]
    public async Task UnknownPhone_404_DoesNotEchoItInClear()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        (await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/" + UnknownPhone)).Status.ShouldBe(404);
        var marketer = await server.ClientForAsync(Role.Marketer);
        foreach (var path in new[] { "/api/v1/profiles/", "/api/v1/segments/新客未下单/explain/", "/api/v1/tags/性别/explain/" })
        {
            var (status, body) = await ApiServer.SendAsync(marketer, HttpMethod.Get, path + UnknownPhone);
            status.ShouldBe(404, path);
            body.GetRawText().ShouldNotContain(UnknownPhone);
            body.GetProperty("detail").GetString()!.ShouldContain("199****0567");
            body.GetProperty("instance").GetString()!.ShouldNotContain(UnknownPhone);
        }
    }

    [Fact]
    public async Task MembersExportsAndExplains_HoldNoRawValue()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        var person = await KnownPerson.FindAsync(server);
        var marketer = await server.ClientForAsync(Role.Marketer);
        var national = KnownPerson.National(person.Phones[0]);
        foreach (var segment in (await server.GetJsonAsync("/api/v1/segments")).EnumerateArray().Select(s => Uri.EscapeDataString(s.GetProperty("name").GetString()!)))
        {
            if ((await server.SendAsync(HttpMethod.Get, $"/api/v1/segments/{segment}/members?page_size=1")).Status != 200)
                continue; // never evaluated: nothing to list
            var (status, members) = await ApiServer.SendAsync(marketer, HttpMethod.Get, $"/api/v1/segments/{segment}/members?page_size=10000");
            status.ShouldBe(200);
            person.ShouldNotLeakInto(members.GetRawText(), "members of " + segment);
            using var csv = await marketer.GetAsync(new Uri($"/api/v1/segments/{segment}/export?format=csv&tags=性别", UriKind.Relative), TestContext.Current.CancellationToken);
            ((int)csv.StatusCode).ShouldBe(200);
            person.ShouldNotLeakInto(await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "CSV export of " + segment);
            (await ApiServer.SendAsync(marketer, HttpMethod.Get, $"/api/v1/segments/{segment}/export?format=parquet")).Status.ShouldBe(403);
            var (explained, explain) = await ApiServer.SendAsync(marketer, HttpMethod.Get, $"/api/v1/segments/{segment}/explain/{national}");
            explained.ShouldBe(200, explain.ToString());
            person.ShouldNotLeakInto(explain.GetRawText(), "explain of " + segment);
        }
        var (tagStatus, tag) = await ApiServer.SendAsync(marketer, HttpMethod.Get, $"/api/v1/tags/性别/explain/{Uri.EscapeDataString(person.Emails[0])}");
        tagStatus.ShouldBe(200, tag.ToString());
        person.ShouldNotLeakInto(tag.GetRawText(), "tag explain");
    }

    [Fact]
    public async Task Analyses_ByAPersonalField_AreRefusedWithoutPiiRead()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        var person = await KnownPerson.FindAsync(server);
        var marketer = await server.ClientForAsync(Role.Marketer);
        var funnel = new { steps = new[] { "product_view", "add_to_cart" }, by = "name", top = 1000 };
        var (status, body) = await ApiServer.SendAsync(marketer, HttpMethod.Post, "/api/v1/analysis/funnel", funnel);
        person.ShouldNotLeakInto(body.GetRawText(), "funnel by name");
        status.ShouldBe(403, body.ToString());
        body.GetProperty("code").GetString().ShouldBe("pii_required");
        (status, body) = await ApiServer.SendAsync(marketer, HttpMethod.Post, "/api/v1/analysis/conversion", new { goal = "add_to_cart", by = "name", top = 1000 });
        person.ShouldNotLeakInto(body.GetRawText(), "conversion by name");
        status.ShouldBe(403, body.ToString());
        // The same question by a field that is not personal data is answered.
        (await ApiServer.SendAsync(marketer, HttpMethod.Post, "/api/v1/analysis/funnel", funnel with { by = "city" })).Status.ShouldBe(200);
    }

    [Fact]
    public async Task AuditLog_SeenByAnAdminWithoutPiiRead_HoldsNoPhoneLookedUp()
    {
        using var folder = new TempFolder();
        await using var server = await ApiServer.StartAsync(demo.Copy(folder));
        var person = await KnownPerson.FindAsync(server);
        var national = KnownPerson.National(person.Phones[0]);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/" + national)).Status.ShouldBe(200);
        (await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/" + Uri.EscapeDataString(person.Emails[0]))).Status.ShouldBe(200);
        var marketer = await server.ClientForAsync(Role.Marketer);
        (await ApiServer.SendAsync(marketer, HttpMethod.Get, "/api/v1/profiles/" + national)).Status.ShouldBe(200);
        var auditor = await server.ClientForAsync(Role.Admin, pii: false, name: "auditor");
        var (status, audit) = await ApiServer.SendAsync(auditor, HttpMethod.Get, "/api/v1/audit");
        status.ShouldBe(200);
        person.ShouldNotLeakInto(audit.GetRawText(), "the audit log");
        audit.GetRawText().ShouldContain(KnownPerson.PhoneMask(person.Phones[0]));
    }
}
