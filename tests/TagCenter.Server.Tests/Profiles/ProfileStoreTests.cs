using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Profiles;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Server.Profiles;
using TagCenter.Server.Tests.Api;
using TagCenter.Server.Tests.Ingest;

namespace TagCenter.Server.Tests.Profiles;

/// <summary>
/// The serving store of profiles answers exactly what the engine path answers (the same view for every person of
/// the demo, compared field by field through JSON), and follows applied events without being rebuilt.
/// </summary>
public sealed class ProfileStoreTests(DemoWorkspace demo) : IDisposable
{
    private readonly TempFolder _temp = new();
    private static readonly Caller Admin = new("test", ApiScopes.All.ToHashSet(), null, true);

    [Fact]
    public async Task Store_EveryPerson_SameViewAsTheEngine()
    {
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var services = server.Api.App.Services;
        var (host, serving, policy) = (services.GetRequiredService<WorkspaceHost>(), services.GetRequiredService<ProfileServing>(), services.GetRequiredService<IDataPolicy>());
        await serving.WaitCurrentAsync(Timeout());
        var store = serving.Current.ShouldNotBeNull();
        var (published, segments) = await serving.CatalogsAsync(store, TestContext.Current.CancellationToken);
        var visible = segments.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var visibleTags = policy.VisibleTags(published!, Admin);

        var oneIds = (await server.RowsAsync("SELECT DISTINCT oneid FROM identity_map ORDER BY 1")).Select(r => (string)r[0]!).ToList();
        oneIds.Count.ShouldBeGreaterThan(DemoWorkspace.Persons); // persons from every source, visitors too
        var withSegments = 0;
        foreach (var oneId in oneIds)
        {
            var engine = await host.ReadAsync((db, _) => PersonProfileView.FromEngine(db, PersonProfile.Find(db, host.Definition, oneId)!,
                [.. PersonTagValues.Of(db, oneId).Where(t => visibleTags.Find(t.Code) is not null)], false, 20, visible, policy, Admin), TestContext.Current.CancellationToken);
            var found = store.Find(oneId).ShouldNotBeNull();
            var stored = StoredProfile.Parse(found.OneId, found.Document.ShouldNotBeNull(), store.Shape);
            var tags = stored.Tags.Select(t => (visibleTags.Find(t.Code)!.Name, t.Code, t.Value)).ToList();
            var view = PersonProfileView.Of(stored.Profile, tags, null, stored.Segments, stored.Events, visible, policy, Admin);
            JsonSerializer.Serialize(view).ShouldBe(JsonSerializer.Serialize(engine), oneId);
            withSegments += view.Segments.Count > 0 ? 1 : 0;
        }
        withSegments.ShouldBeGreaterThan(0); // the comparison covers segment membership, not only empty lists

        // Over HTTP by phone: answered from the store, the same person as the engine finds.
        var phone = ProfilesTests.FirstMemberPhone(demo.Root);
        var reads = serving.StoreReads;
        var api = await server.Api.GetJsonAsync("/api/v1/profiles/" + Uri.EscapeDataString(phone));
        var expected = await host.ReadAsync((db, _) => PersonProfile.Find(db, host.Definition, phone)!.OneId, TestContext.Current.CancellationToken);
        api.GetProperty("oneid").GetString().ShouldBe(expected);
        serving.StoreReads.ShouldBe(reads + 1);
    }

    [Fact]
    public void Scan_EveryPerson_SameBytesAsTheJoinedQuery()
    {
        var definition = WorkspaceLoader.Load(demo.Copy(_temp));
        using var db = WorkspaceDatabase.Open(definition.DatabasePath);
        var shape = ProfileDocuments.Shape(db, definition);
        var joined = ProfileDocuments.Read(db, shape, "true").ToList();
        ((long)joined.Count).ShouldBe(db.Scalar<long>("SELECT count(DISTINCT oneid) FROM identity_map"));
        joined.Count.ShouldBeGreaterThan(DemoWorkspace.Persons);
        joined.ShouldContain(d => d.Document.Contains("\"s\":[{", StringComparison.Ordinal)); // segments, events and
        joined.ShouldContain(d => d.Document.Contains("\"e\":[{", StringComparison.Ordinal)); // golden values are compared, not only empty parts
        joined.ShouldContain(d => d.Document.Contains("\"g\":{", StringComparison.Ordinal));

        ProfileScan.Read(db, shape, "true").ToList().ShouldBe(joined);
    }

    [Fact]
    public void Build_InSlicesOfSevenAndCommitsOfEleven_SameStoreAsOneScan()
    {
        var definition = WorkspaceLoader.Load(demo.Copy(_temp));
        using var db = WorkspaceDatabase.Open(definition.DatabasePath);
        var expected = ProfileDocuments.Read(db, ProfileDocuments.Shape(db, definition), "true").ToList();
        var keys = ProfileDocuments.Keys(db, "true").ToList();
        var reports = new List<(long Persons, long Total)>();
        using var whole = ProfileStore.Build(db, definition, Path.Combine(_temp.Path, "whole"), 0, TimeProvider.System, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);
        using var sliced = ProfileStore.Build(db, definition, Path.Combine(_temp.Path, "sliced"), 7, TimeProvider.System, null, TestContext.Current.CancellationToken, batch: 11);

        foreach (var store in new[] { whole, sliced })
        {
            foreach (var (oneId, document) in expected)
                store.Find(oneId).ShouldNotBeNull().Document.ShouldBe(document, oneId);
            foreach (var (value, oneId) in keys.Where(k => expected.All(d => d.OneId != k.Value)))
                store.Find(value).ShouldNotBeNull().OneId.ShouldBe(oneId, value);
        }
        reports[^1].ShouldBe((expected.Count, expected.Count));
    }

    private sealed class SyncProgress(Action<(long, long)> report) : IProgress<(long Persons, long Total)>
    {
        public void Report((long Persons, long Total) value) => report(value);
    }

    [Fact]
    public async Task AppliedEvents_RewriteTheirPersons_WithoutRebuildingTheStore()
    {
        await using var server = await IngestServer.StartAsync(demo.Copy(_temp));
        var serving = server.Api.App.Services.GetRequiredService<ProfileServing>();
        await serving.WaitCurrentAsync(Timeout());
        var built = serving.Current.ShouldNotBeNull().Path;

        for (var sent = 1; sent <= 2; sent++)
        {
            (await server.PostAsync("/v1/batch", Track("anon-profile-1", $"m-profile-{sent}"))).Status.ShouldBe(200);
            await server.SettledAsync(); // the real-time write after the consumer's touches the person again
            await serving.WaitCurrentAsync(Timeout());
            var reads = serving.StoreReads;
            var profile = await server.Api.GetJsonAsync("/api/v1/profiles/anon-profile-1");
            serving.StoreReads.ShouldBe(reads + 1);
            profile.GetProperty("events").GetArrayLength().ShouldBe(sent); // the visitor's own track events, newest first
            profile.GetProperty("events")[0].GetProperty("event").GetString().ShouldBe("Product Viewed");
        }
        serving.Current.ShouldNotBeNull().Path.ShouldBe(built);
    }

    [Fact]
    public async Task FreshWorkspace_StoreOfNoOne_AndTheEngineSays404()
    {
        // tagcenter init: no source loaded, no identity yet. The store is built empty, without an error.
        var root = Path.Combine(_temp.Path, "fresh");
        var (exit, output) = await Tagcenter.RunAsync(["init", root, "--lang", "en"], TestContext.Current.CancellationToken);
        exit.ShouldBe(0, output);
        await using var server = await ApiServer.StartAsync(root);
        var serving = server.App.Services.GetRequiredService<ProfileServing>();
        await serving.WaitCurrentAsync(Timeout());
        serving.Current.ShouldNotBeNull().Find("13900000000").ShouldBeNull();
        var (status, problem) = await server.SendAsync(HttpMethod.Get, "/api/v1/profiles/13900000000");
        status.ShouldBe(404);
        problem.GetProperty("code").GetString().ShouldBe("person_not_found");
    }

    private static byte[] Track(string anonymousId, string messageId) => Bodies.Bytes($$$"""
        {"batch":[{"type":"track","event":"Product Viewed","anonymousId":"{{{anonymousId}}}","messageId":"{{{messageId}}}",
          "timestamp":"2026-10-30T10:00:00.000Z","properties":{"sku":"SKU-1"}}],"writeKey":"{{{IngestServer.Key}}}"}
        """);

    private static CancellationToken Timeout()
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(90));
        return cancel.Token;
    }

    public void Dispose() => _temp.Dispose();
}
