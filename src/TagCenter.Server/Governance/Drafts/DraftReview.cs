using TagCenter.Core.Diagnostics;
using TagCenter.Core.Governance;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Stores;

namespace TagCenter.Server.Governance.Drafts;

/// <summary>
/// The review workflow: a change to a tag file, a segment or a trigger through the API is a draft; its impact is the
/// plan <c>tagcenter plan</c> would show (none for a trigger); a reviewer who is not its author approves it, which writes the file (temp +
/// rename) and publishes it the way <c>tagcenter apply</c> does; or rejects it. Every step is audited. A caller of a
/// business line drafts only their line's items, and their rules (and triggers' segments and tags) bind against what they can see.
/// </summary>
internal sealed class DraftReview(WorkspaceHost host, IControlStore store, IAuditLog audit, IDataPolicy policy, PiiFields pii) : IDisposable
{
    private readonly SemaphoreSlim _publish = new(1, 1);

    public async Task<(DraftRecord Draft, DraftImpact Impact)> CreateAsync(Caller caller, Role role, string? kind, string? name, string? yaml, CancellationToken cancellationToken)
    {
        var proposal = DraftProposal.Parse(kind, name, yaml);
        MayChange(caller, role, proposal);
        var impact = await ImpactAsync(proposal, caller, cancellationToken);
        var draft = new DraftRecord("draft_" + Guid.NewGuid().ToString("N")[..12], proposal.Kind, proposal.Name, proposal.Yaml, caller.Name, caller.BusinessLine,
            DraftRecord.Pending, host.Time.GetUtcNow());
        await store.AddDraftAsync(draft, cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "draft.create", proposal.Target, CurrentContent(proposal), proposal.Yaml), cancellationToken);
        return (draft, impact);
    }

    public async Task<(DraftRecord Draft, DraftImpact? Impact)> ShowAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(caller, id, cancellationToken);
        if (draft.Status != DraftRecord.Pending)
            return (draft, null);
        return (draft, await ImpactAsync(DraftProposal.Parse(draft.Kind, draft.Name, draft.Yaml), caller, cancellationToken));
    }

    public async Task<IReadOnlyList<DraftRecord>> ListAsync(Caller caller, string? status, CancellationToken cancellationToken) =>
        [.. (await store.ListDraftsAsync(status, cancellationToken)).Where(d => Visible(d, caller))];

    public async Task<(DraftRecord Draft, DraftImpact Impact)> ApproveAsync(Caller caller, Role role, string id, string? note, CancellationToken cancellationToken)
    {
        var draft = await PendingAsync(caller, id, cancellationToken);
        if (draft.Author == caller.Name)
            throw new ApiException(403, "self_approval", Texts.T("governance.draft.self", draft.Id));
        var proposal = DraftProposal.Parse(draft.Kind, draft.Name, draft.Yaml);
        MayChange(caller, role, proposal);
        await _publish.WaitAsync(cancellationToken);
        try
        {
            var before = CurrentContent(proposal);
            DraftImpact impact;
            if (proposal.Trigger is not null)
            {
                impact = await ImpactAsync(proposal, caller, cancellationToken); // checked again as the reviewer sees the workspace
                WriteFile(Path.Combine(host.Definition.Root, proposal.File), proposal.Yaml);
            }
            else
                impact = await host.WriteAsync((db, ct) => Publish(db, proposal, before, ct), cancellationToken);
            if (!await store.DecideDraftAsync(draft.Id, DraftRecord.Approved, caller.Name, note, host.Time.GetUtcNow(), CancellationToken.None))
                throw ApiException.Conflict("draft_decided", Texts.T("governance.draft.decided", draft.Id));
            host.ReloadDefinition();
            pii.Invalidate();
            await audit.RecordAsync(new AuditEntry(caller.Name, "draft.approve", proposal.Target, before, AuditJson.Of(new { draft = draft.Id, author = draft.Author, yaml = draft.Yaml, impact })),
                CancellationToken.None);
            return ((await store.FindDraftAsync(draft.Id, CancellationToken.None))!, impact);
        }
        finally
        {
            _publish.Release();
        }
    }

    public async Task<DraftRecord> RejectAsync(Caller caller, string id, string? note, CancellationToken cancellationToken)
    {
        var draft = await PendingAsync(caller, id, cancellationToken);
        if (!await store.DecideDraftAsync(draft.Id, DraftRecord.Rejected, caller.Name, note, host.Time.GetUtcNow(), cancellationToken))
            throw ApiException.Conflict("draft_decided", Texts.T("governance.draft.decided", draft.Id));
        await audit.RecordAsync(new AuditEntry(caller.Name, "draft.reject", draft.Kind + ":" + draft.Name, null, AuditJson.Of(new { draft = draft.Id, note })), CancellationToken.None);
        return (await store.FindDraftAsync(draft.Id, CancellationToken.None))!;
    }

    /// <summary>Writes the file, publishes as apply does (tags, then new and changed segments); puts the old file back if that fails.</summary>
    private DraftImpact Publish(WorkspaceDatabase db, DraftProposal proposal, string? before, CancellationToken cancellationToken)
    {
        var root = host.Definition.Root;
        var (files, segments) = proposal.Apply(root);
        var plan = Plan(db, files, segments, cancellationToken);
        if (plan.Blocked)
            throw ApiException.Conflict("plan_blocked", Texts.T("governance.draft.blocked", string.Join("; ", plan.Changes.SelectMany(c => c.Dependents))));
        var path = Path.Combine(root, proposal.File);
        WriteFile(path, proposal.Yaml);
        try
        {
            PublishedCatalog.Publish(db, files, plan, host.Time.GetUtcNow().UtcDateTime);
            var (run, asOf) = SegmentPass.LatestTagRun(db);
            var due = plan.Segments.Where(c => c.Action is SegmentChangeAction.Added or SegmentChangeAction.Changed)
                .Select(c => segments.First(s => s.Name == c.Name))
                .Where(s => s.Type == SegmentType.Dynamic || plan.Segments.Any(c => c.Name == s.Name && c.Action == SegmentChangeAction.Added)).ToList();
            if (asOf is { } when && due.Count > 0)
                SegmentPass.Run(db, files, due, when, run, host.Time, cancellationToken);
        }
        catch
        {
            if (before is null)
                File.Delete(path);
            else
                WriteFile(path, before);
            throw;
        }
        return DraftImpact.Of(plan, _ => true);
    }

    private async Task<DraftImpact> ImpactAsync(DraftProposal proposal, Caller caller, CancellationToken cancellationToken) =>
        await host.ReadAsync((db, ct) =>
        {
            var (files, segments) = proposal.Apply(host.Definition.Root);
            if (proposal.Trigger is not null)
            {
                var tags = policy.VisibleTags(WorkspaceSegments.Published(db), caller);
                var trigger = TriggerDrafts.Check(proposal, tags, [.. segments.Where(s => policy.CanSee(s, caller))]);
                if (TriggerDrafts.RuleAsSegment(trigger) is { } rule)
                    BindVisible(proposal with { Segment = rule }, tags);
                return new DraftImpact(WorkspaceSegments.AsOf(db, host.Definition, host.Time), false, [], []);
            }
            var visible = policy.VisibleTags(files, caller);
            if (caller.BusinessLine is not null)
                BindVisible(proposal, visible);
            var names = visible.Tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            return DraftImpact.Of(Plan(db, files, segments, ct), names.Contains);
        }, cancellationToken);

    private TagPlan Plan(WorkspaceDatabase db, TagCatalog files, IReadOnlyList<SegmentDefinition> segments, CancellationToken cancellationToken) =>
        TagPlanner.Plan(db, files, new TagPlanOptions(null, host.Time, DeclaredSchema.Of(host.Definition), segments), cancellationToken);

    /// <summary>The draft's rules against only the tags the caller sees: a tag of another line is an unknown name, as the binder says it.</summary>
    private void BindVisible(DraftProposal proposal, TagCatalog visible)
    {
        var catalog = proposal.Segment is { } segment ? TagCatalog.From([.. visible.Tags, SegmentRule.AsTag(segment, SegmentRule.Code(0))]) : visible;
        var compiled = TagCompiler.Compile(catalog, DeclaredSchema.Of(host.Definition), host.Time.GetLocalNow().DateTime, checkOnly: true);
        var mine = compiled.Diagnostics.Where(d => d.File.Replace('\\', '/') == proposal.File).ToList();
        if (mine.Count > 0)
            throw new WorkspaceException(mine);
    }

    private static void MayChange(Caller caller, Role role, DraftProposal proposal)
    {
        if (!Roles.MayChange(role, proposal.Kind))
            throw new ApiException(403, "role_forbidden", Texts.T("governance.draft.role", Roles.Name(role), proposal.Kind));
        if (caller.BusinessLine is { } line && proposal.Lines.Any(l => l != line))
            throw new ApiException(403, "line_forbidden", Texts.T("governance.draft.line", line));
    }

    private async Task<DraftRecord> FindAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var draft = await store.FindDraftAsync(id, cancellationToken);
        return draft is not null && Visible(draft, caller) ? draft : throw ApiException.NotFound("draft_not_found", Texts.T("governance.draft.notfound", id));
    }

    private async Task<DraftRecord> PendingAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(caller, id, cancellationToken);
        return draft.Status == DraftRecord.Pending ? draft : throw ApiException.Conflict("draft_decided", Texts.T("governance.draft.decided", id));
    }

    /// <summary>A caller of a line sees drafts written by their line (and company-wide callers see all).</summary>
    private static bool Visible(DraftRecord draft, Caller caller) => caller.BusinessLine is null || draft.AuthorLine == caller.BusinessLine;

    private string? CurrentContent(DraftProposal proposal)
    {
        var path = Path.Combine(host.Definition.Root, proposal.File);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public void Dispose() => _publish.Dispose();

    private static void WriteFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
