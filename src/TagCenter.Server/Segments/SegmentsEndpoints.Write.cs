using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

internal static partial class SegmentsEndpoints
{
    private static async Task<Created<SegmentSavedView>> CreateAsync(SegmentBody body, HttpContext context, SegmentAccess access, IAuditLog audit, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(context);
        var name = (body.Name ?? "").Trim();
        if (name.Length == 0)
            throw SegmentAccess.Field("name", Texts.T("api.field.required"));
        if (SegmentCatalog.Problem(name) is { } bad)
            throw SegmentAccess.Field("name", bad);
        var draft = Draft(name, body);
        var root = access.Host.Definition.Root;
        var saved = await access.Host.WriteAsync((db, ct) =>
        {
            // Inside the one writer: two creates of one name cannot both pass this check.
            var existing = WorkspaceSegments.All(access.Host.Definition).Find(name);
            var path = SegmentCatalog.FileFor(root, name);
            if (existing is not null || File.Exists(path))
                throw ApiException.Conflict("segment_exists", Texts.T("api.segments.exists", name, existing?.File ?? SegmentFiles.Relative(root, name)));
            var (segment, yaml) = SegmentFiles.Prepare(SegmentFiles.Relative(root, name), draft);
            return (Saved: Save(access, db, segment, yaml, caller, ct), Yaml: yaml);
        }, cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "segment.create", name, After: saved.Yaml), cancellationToken);
        return TypedResults.Created($"{ServerApp.ApiPrefix}/segments/{Uri.EscapeDataString(name)}", View(saved.Saved));
    }

    private static async Task<Ok<SegmentSavedView>> UpdateAsync(string name, SegmentBody body, HttpContext context, SegmentAccess access, IAuditLog audit, CancellationToken cancellationToken)
    {
        name = SegmentRoute.Name(name);
        var caller = Caller.Of(context);
        if (body.Name is { } named && named.Trim() != name)
            throw SegmentAccess.Field("name", Texts.T("api.segments.rename", named, name));
        var draft = Draft(name, body);
        var (saved, before, after) = await access.Host.WriteAsync((db, ct) =>
        {
            var current = Declared(access, name, caller);
            var before = File.ReadAllText(Path.Combine(access.Host.Definition.Root, current.File));
            var (segment, yaml) = SegmentFiles.Prepare(current.File, draft);
            return (Save(access, db, segment, yaml, caller, ct), before, yaml);
        }, cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "segment.update", name, before, after), cancellationToken);
        return TypedResults.Ok(View(saved));
    }

    private static async Task<NoContent> DeleteAsync(string name, HttpContext context, SegmentAccess access, IAuditLog audit, CancellationToken cancellationToken)
    {
        name = SegmentRoute.Name(name);
        var caller = Caller.Of(context);
        var before = await access.Host.WriteAsync((_, _) =>
        {
            var segment = Declared(access, name, caller);
            if (SegmentFiles.BoardsUsing(access.Host.Definition, name) is { Count: > 0 } boards)
                throw ApiException.Conflict("segment_in_use", Texts.T("api.segments.inuse", name, string.Join(", ", boards)));
            var text = File.ReadAllText(Path.Combine(access.Host.Definition.Root, segment.File));
            SegmentFiles.Delete(access.Host.Definition, segment);
            return text;
        }, cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "segment.delete", name, Before: before), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A segment with a file of its own the caller may see: 404 otherwise, 409 for a crowd written inside a board.</summary>
    private static SegmentDefinition Declared(SegmentAccess access, string name, Caller caller)
    {
        var segment = access.Get(name, caller);
        var declared = SegmentCatalog.Load(access.Host.Definition.Root).Find(name);
        return declared ?? throw ApiException.Conflict("segment_inline", Texts.T("api.segments.inline", name, segment.File));
    }

    private static SegmentDraft Draft(string name, SegmentBody body)
    {
        if (string.IsNullOrWhiteSpace(body.Rule))
            throw SegmentAccess.Field("rule", Texts.T("api.field.required"));
        var type = (body.Type ?? "dynamic").Trim().ToLowerInvariant() switch
        {
            "dynamic" => SegmentType.Dynamic,
            "static" => SegmentType.Static,
            _ => throw SegmentAccess.Field("type", Texts.T("api.field.oneof", "static, dynamic", body.Type)),
        };
        return new SegmentDraft(name, body.Rule, type) { Description = body.Description, Owner = body.Owner, BusinessLine = body.BusinessLine };
    }

    private static SegmentSaved Save(SegmentAccess access, DuckDb.Storage.WorkspaceDatabase db, SegmentDefinition segment, string yaml, Caller caller, CancellationToken cancellationToken)
    {
        var usable = DuckDb.Tags.PublishedCatalog.Load(db) is { } published ? access.Policy.VisibleTags(published, caller) : null;
        var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
        return SegmentFiles.Save(access.Host.Definition, db, segment, yaml, usable, asOf, access.Host.Time, cancellationToken);
    }

    private static SegmentSavedView View(SegmentSaved saved) => new(saved.Segment.Name, saved.Segment.Type, saved.File, saved.Run is not null,
        saved.Run?.Size, saved.Run?.Persons, saved.Run?.Share, saved.Run?.Entered, saved.Run?.Left, saved.Run?.AsOf, saved.Elapsed?.TotalMilliseconds);
}
