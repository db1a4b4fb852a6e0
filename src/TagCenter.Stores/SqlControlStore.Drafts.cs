using System.Data.Common;

namespace TagCenter.Stores;

internal sealed partial class SqlControlStore
{
    public Task AddDraftAsync(DraftRecord draft, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO drafts (id, kind, name, yaml, author, author_line, status, created_at) VALUES (@id, @kind, @name, @yaml, @author, @line, @status, @at)",
            cancellationToken, ("id", draft.Id), ("kind", draft.Kind), ("name", draft.Name), ("yaml", draft.Yaml), ("author", draft.Author),
            ("line", draft.AuthorLine), ("status", draft.Status), ("at", Time(draft.CreatedAt)));

    public async Task<DraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync(DraftSelect + " WHERE id = @id", ReadDraft, cancellationToken, ("id", id)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<DraftRecord>> ListDraftsAsync(string? status, CancellationToken cancellationToken) =>
        status is null
            ? await QueryAsync(DraftSelect + " ORDER BY created_at, id", ReadDraft, cancellationToken).ConfigureAwait(false)
            : await QueryAsync(DraftSelect + " WHERE status = @status ORDER BY created_at, id", ReadDraft, cancellationToken, ("status", status)).ConfigureAwait(false);

    public async Task<bool> DecideDraftAsync(string id, string status, string reviewer, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE drafts SET status = @status, reviewer = @reviewer, note = @note, decided_at = @at WHERE id = @id AND status = @pending",
            cancellationToken, ("status", status), ("reviewer", reviewer), ("note", note), ("at", Time(at)), ("id", id),
            ("pending", DraftRecord.Pending)).ConfigureAwait(false) == 1;

    private const string DraftSelect = "SELECT id, kind, name, yaml, author, author_line, status, created_at, reviewer, decided_at, note FROM drafts";

    private static DraftRecord ReadDraft(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), StringOrNull(r, 5), r.GetString(6), ReadTime(r, 7),
            StringOrNull(r, 8), ReadTimeOrNull(r, 9), StringOrNull(r, 10));
}
