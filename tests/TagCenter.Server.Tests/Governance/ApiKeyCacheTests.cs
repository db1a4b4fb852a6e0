using Microsoft.Extensions.Time.Testing;
using TagCenter.Core.Governance;
using TagCenter.Server.Governance;
using TagCenter.Server.Tests.Api;
using TagCenter.Stores;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// The key lookup every request and ingest batch makes is remembered for five seconds: the store is asked once, a
/// key revoked or added through the server is seen at once, a change made behind the server's back after the lifetime.
/// </summary>
public sealed class ApiKeyCacheTests(DemoWorkspace demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static ApiKeyRecord Record(DateTimeOffset? revokedAt = null) =>
        new("key_1", "tc_ab…", ApiKeyText.Hash("tc_secret"), "zhao", Role.Viewer, null, false, T0, revokedAt);

    [Fact]
    public async Task FindAsync_TwiceWithinTheLifetime_AsksTheStoreOnce()
    {
        var store = new CountingKeyStore(Record());
        var time = new FakeTimeProvider(T0);
        var cache = new ApiKeyCache(store, time);

        (await cache.FindAsync(store.Key.Hash, Ct))!.Id.ShouldBe("key_1");
        time.Advance(TimeSpan.FromSeconds(4.9));
        (await cache.FindAsync(store.Key.Hash, Ct))!.Id.ShouldBe("key_1");
        store.Finds.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(0.2)); // 5.1 s after the first lookup
        await cache.FindAsync(store.Key.Hash, Ct);
        store.Finds.ShouldBe(2);
    }

    [Fact]
    public async Task FindAsync_AKeyRevokedBehindTheServersBack_IsSeenAfterTheLifetime()
    {
        var store = new CountingKeyStore(Record());
        var time = new FakeTimeProvider(T0);
        var cache = new ApiKeyCache(store, time);
        (await cache.FindAsync(store.Key.Hash, Ct))!.Active.ShouldBeTrue();

        store.Key = Record(T0.AddSeconds(1)); // as `tagcenter keys revoke` on the same store would
        time.Advance(TimeSpan.FromSeconds(1));
        (await cache.FindAsync(store.Key.Hash, Ct))!.Active.ShouldBeTrue();
        time.Advance(TimeSpan.FromSeconds(5));
        (await cache.FindAsync(store.Key.Hash, Ct))!.Active.ShouldBeFalse();
    }

    [Fact]
    public async Task FindAsync_AfterFlush_AsksTheStoreAgain()
    {
        var store = new CountingKeyStore(Record());
        var cache = new ApiKeyCache(store, new FakeTimeProvider(T0));
        await cache.FindAsync(store.Key.Hash, Ct);

        cache.Flush();
        await cache.FindAsync(store.Key.Hash, Ct);

        store.Finds.ShouldBe(2);
    }

    [Fact]
    public async Task FindAsync_UnknownKey_IsNotRemembered()
    {
        var store = new CountingKeyStore(Record());
        var cache = new ApiKeyCache(store, new FakeTimeProvider(T0));

        (await cache.FindAsync(ApiKeyText.Hash("tc_other"), Ct)).ShouldBeNull();
        (await cache.FindAsync(ApiKeyText.Hash("tc_other"), Ct)).ShouldBeNull();

        store.Finds.ShouldBe(2); // a key created by the CLI a moment later works at once
    }

    [Fact]
    public async Task RevokedThroughTheServer_RefusedOnTheVeryNextRequest()
    {
        await using var server = await ApiServer.StartAsync(demo.Root);
        var (_, created) = await server.SendAsync(HttpMethod.Post, "/api/v1/keys", new { role = "viewer", name = "qian" });
        var viewer = server.ClientWithKey(created.GetProperty("key").GetString()!);
        for (var i = 0; i < 3; i++) // remembered now
            (await ApiServer.SendAsync(viewer, HttpMethod.Get, "/ready")).Status.ShouldBe(200);

        (await server.SendAsync(HttpMethod.Post, $"/api/v1/keys/{created.GetProperty("record").GetProperty("id").GetString()}/revoke")).Status.ShouldBe(204);

        (await ApiServer.SendAsync(viewer, HttpMethod.Get, "/ready")).Status.ShouldBe(401);
    }

    /// <summary>A store holding one key that counts how often it is looked up; nothing else is used.</summary>
    private sealed class CountingKeyStore(ApiKeyRecord key) : IControlStore
    {
        public ApiKeyRecord Key { get; set; } = key;

        public int Finds { get; private set; }

        public string Describe => "counting";

        public Task<ApiKeyRecord?> FindKeyAsync(string hash, CancellationToken cancellationToken)
        {
            Finds++;
            return Task.FromResult(hash == Key.Hash ? Key : null);
        }

        public Task<bool> AddUserAsync(UserRecord user, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> AnyActiveKeyAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AuditRecord> AppendAuditAsync(string actor, string action, string target, string? before, string? after, DateTimeOffset at,
            CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddDraftAsync(DraftRecord draft, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DraftRecord>> ListDraftsAsync(string? status, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> DecideDraftAsync(string id, string status, string reviewer, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
