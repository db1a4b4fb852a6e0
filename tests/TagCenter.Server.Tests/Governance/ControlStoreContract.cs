using TagCenter.Core.Governance;
using TagCenter.Stores;

namespace TagCenter.Server.Tests.Governance;

/// <summary>
/// The control store's behaviour, run unchanged on SQLite (<see cref="SqliteControlStoreTests"/>) and PostgreSQL
/// (<see cref="PostgresControlStoreTests"/>).
/// </summary>
public abstract class ControlStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IControlStore? _store;

    /// <summary>The store under test (opened in the test, so an engine that is missing skips the test, not the class).</summary>
    protected IControlStore Store => _store ?? throw new InvalidOperationException("call StartAsync first");

    /// <summary>A fresh, empty store (its own file or schema).</summary>
    protected abstract Task<IControlStore> OpenAsync();

    /// <summary>Runs SQL directly against the store's tables, as someone with database access would.</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    protected async Task StartAsync() => _store = await OpenAsync();

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_store is not null)
            await _store.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Users_AddFindList_AndNamesAreUnique()
    {
        await StartAsync();
        (await Store.AddUserAsync(new UserRecord("li", Role.Marketer, "电商", false, T0), Ct)).ShouldBeTrue();
        (await Store.AddUserAsync(new UserRecord("wang", Role.Admin, null, true, T0), Ct)).ShouldBeTrue();
        (await Store.AddUserAsync(new UserRecord("li", Role.Viewer, null, false, T0), Ct)).ShouldBeFalse();
        (await Store.FindUserAsync("li", Ct)).ShouldBe(new UserRecord("li", Role.Marketer, "电商", false, T0));
        (await Store.FindUserAsync("nobody", Ct)).ShouldBeNull();
        (await Store.ListUsersAsync(Ct)).Select(u => u.Name).ShouldBe(["li", "wang"]);
    }

    [Fact]
    public async Task Keys_FoundByHash_RevokedOnce()
    {
        await StartAsync();
        (await Store.AnyActiveKeyAsync(Ct)).ShouldBeFalse();
        var key = new ApiKeyRecord("key_1", "tc_abcdefg…", ApiKeyText.Hash("tc_secret"), "li", Role.Marketer, "电商", false, T0);
        await Store.AddKeyAsync(key, Ct);
        (await Store.AnyActiveKeyAsync(Ct)).ShouldBeTrue();
        (await Store.FindKeyAsync(ApiKeyText.Hash("tc_secret"), Ct)).ShouldBe(key);
        (await Store.FindKeyAsync(ApiKeyText.Hash("tc_other"), Ct)).ShouldBeNull();
        (await Store.RevokeKeyAsync("key_1", T0.AddHours(1), Ct)).ShouldBeTrue();
        (await Store.RevokeKeyAsync("key_1", T0.AddHours(2), Ct)).ShouldBeFalse();
        (await Store.FindKeyAsync(ApiKeyText.Hash("tc_secret"), Ct))!.RevokedAt.ShouldBe(T0.AddHours(1));
        (await Store.AnyActiveKeyAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Audit_AppendsAChain_ThatVerifies()
    {
        await StartAsync();
        var first = await Store.AppendAuditAsync("li", "segment.create", "segment:高价值", null, "{\"rule\":\"x\"}", T0, Ct);
        var second = await Store.AppendAuditAsync("wang", "key.create", "key:key_1", null, null, T0.AddMinutes(1), Ct);
        first.Seq.ShouldBe(1);
        first.PrevHash.ShouldBe(AuditChain.Genesis);
        second.Seq.ShouldBe(2);
        second.PrevHash.ShouldBe(first.Hash);
        var rows = await Store.ReadAuditAsync(new AuditQuery(), Ct);
        rows.ShouldBe([first, second]);
        AuditChain.Verify(rows).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Audit_Filters_BySinceActorActionAndNewest()
    {
        await StartAsync();
        for (var i = 0; i < 5; i++)
            await Store.AppendAuditAsync(i % 2 == 0 ? "li" : "wang", i < 3 ? "a" : "b", "t" + i, null, null, T0.AddDays(i), Ct);
        (await Store.ReadAuditAsync(new AuditQuery(Since: T0.AddDays(3)), Ct)).Select(r => r.Seq).ShouldBe([4L, 5L]);
        (await Store.ReadAuditAsync(new AuditQuery(Actor: "wang"), Ct)).Select(r => r.Seq).ShouldBe([2L, 4L]);
        (await Store.ReadAuditAsync(new AuditQuery(Action: "b"), Ct)).Select(r => r.Seq).ShouldBe([4L, 5L]);
        (await Store.ReadAuditAsync(new AuditQuery(Limit: 2), Ct)).Select(r => r.Seq).ShouldBe([4L, 5L]);
    }

    [Fact]
    public async Task Audit_ConcurrentAppends_NeverForkTheChain()
    {
        await StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            Store.AppendAuditAsync("u" + i, "x", "t", null, null, T0, Ct), Ct)));
        var rows = await Store.ReadAuditAsync(new AuditQuery(), Ct);
        rows.Select(r => r.Seq).ShouldBe(Enumerable.Range(1, 24).Select(i => (long)i));
        rows.Select(r => r.Actor).Distinct().Count().ShouldBe(24);
        AuditChain.Verify(rows).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Audit_RowChangedInTheDatabase_IsFoundByVerify()
    {
        await StartAsync();
        for (var i = 0; i < 4; i++)
            await Store.AppendAuditAsync("li", "segment.update", "segment:s", null, "{\"size\":" + i + "}", T0.AddMinutes(i), Ct);
        await ExecuteRawAsync("UPDATE audit SET after_state = '{\"size\":999}' WHERE seq = 3");
        AuditChain.Verify(await Store.ReadAuditAsync(new AuditQuery(), Ct)).Break.ShouldBe(new AuditBreak(3, "tampered", 3));
        await ExecuteRawAsync("DELETE FROM audit WHERE seq = 2");
        AuditChain.Verify(await Store.ReadAuditAsync(new AuditQuery(), Ct)).Break.ShouldBe(new AuditBreak(3, "missing", 2));
    }

    [Fact]
    public async Task Drafts_AreDecidedOnce()
    {
        await StartAsync();
        var draft = new DraftRecord("d1", "segment", "高价值", "name: 高价值\nrule: x", "li", "电商", DraftRecord.Pending, T0);
        await Store.AddDraftAsync(draft, Ct);
        (await Store.FindDraftAsync("d1", Ct)).ShouldBe(draft);
        (await Store.ListDraftsAsync(DraftRecord.Pending, Ct)).ShouldHaveSingleItem();
        (await Store.DecideDraftAsync("d1", DraftRecord.Approved, "wang", "ok", T0.AddHours(1), Ct)).ShouldBeTrue();
        (await Store.DecideDraftAsync("d1", DraftRecord.Rejected, "zhao", null, T0.AddHours(2), Ct)).ShouldBeFalse();
        var decided = await Store.FindDraftAsync("d1", Ct);
        decided.ShouldBe(draft with { Status = DraftRecord.Approved, Reviewer = "wang", Note = "ok", DecidedAt = T0.AddHours(1) });
        (await Store.ListDraftsAsync(DraftRecord.Pending, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Drafts_OfEveryKind_KeepTheirYamlAsWritten()
    {
        await StartAsync();
        const string trigger = "name: 电商欢迎\nbusiness_line: 电商\nwhen:\n  enters: 新客未下单\naction:\n  message: { template: \"欢迎！（{person}）\" }\n";
        var drafts = new[]
        {
            new DraftRecord("d1", "tag", "行为.yaml", "path: 行为\ntags: {}\n", "wang", null, DraftRecord.Pending, T0),
            new DraftRecord("d2", "segment", "高活跃", "name: 高活跃\nrule: 活跃度 = '高'\n", "li", "电商", DraftRecord.Pending, T0.AddMinutes(1)),
            new DraftRecord("d3", "trigger", "电商欢迎", trigger, "li", "电商", DraftRecord.Pending, T0.AddMinutes(2)),
        };
        foreach (var draft in drafts)
            await Store.AddDraftAsync(draft, Ct);
        (await Store.FindDraftAsync("d3", Ct)).ShouldBe(drafts[2]);
        (await Store.ListDraftsAsync(null, Ct)).OrderBy(d => d.Id, StringComparer.Ordinal).ShouldBe(drafts);
        (await Store.DecideDraftAsync("d3", DraftRecord.Approved, "zhao", null, T0.AddHours(1), Ct)).ShouldBeTrue();
        (await Store.ListDraftsAsync(DraftRecord.Approved, Ct)).Select(d => (d.Kind, d.Name)).ShouldBe([("trigger", "电商欢迎")]);
    }

    [Fact]
    public async Task PiiReads_AreAuditRowsLikeAnyOther_FoundByAction()
    {
        await StartAsync();
        await Store.AppendAuditAsync("wang", "pii.read", "GET /api/v1/profiles/138****8000", null, "{\"fields\":[\"email\",\"name\",\"phone\"],\"status\":200}", T0, Ct);
        await Store.AppendAuditAsync("wang", "segment.export", "segment:高价值", null, null, T0.AddMinutes(1), Ct);
        await Store.AppendAuditAsync("li", "pii.read", "GET /api/v1/segments/高价值/explain/o_1", null, "{\"fields\":[\"name\"],\"status\":200}", T0.AddMinutes(2), Ct);
        var reads = await Store.ReadAuditAsync(new AuditQuery(Action: "pii.read"), Ct);
        reads.Select(r => (r.Seq, r.Actor, r.Target)).ShouldBe([(1L, "wang", "GET /api/v1/profiles/138****8000"), (3L, "li", "GET /api/v1/segments/高价值/explain/o_1")]);
        reads[0].After.ShouldBe("{\"fields\":[\"email\",\"name\",\"phone\"],\"status\":200}");
        AuditChain.Verify(await Store.ReadAuditAsync(new AuditQuery(), Ct)).Valid.ShouldBeTrue();
    }
}
