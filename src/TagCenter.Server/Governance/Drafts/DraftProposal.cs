using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Governance.Drafts;

/// <summary>
/// What a draft would put in the workspace: the file it writes (<c>tags/…yaml</c>, <c>segments/&lt;name&gt;.yaml</c> or
/// <c>triggers/&lt;name&gt;.yaml</c>), its content, and the tags, segment or trigger parsed from it (checked as
/// <c>tagcenter plan</c> would: a bad file is a 422 with diagnostics; a trigger's segment and tag names are checked
/// against what the caller sees by <see cref="TriggerDrafts"/>). <see cref="Apply"/> gives the workspace's catalogs with
/// the draft in place of the file's current content.
/// </summary>
internal sealed record DraftProposal(string Kind, string Name, string File, string Yaml, IReadOnlyList<TagDefinition> Tags, SegmentDefinition? Segment,
    TriggerDefinition? Trigger = null)
{
    public const string TagKind = "tag";
    public const string SegmentKind = "segment";
    public const string TriggerKind = "trigger";

    public IEnumerable<string> Lines => Segment is { } s ? [s.BusinessLine] : Trigger is { } trigger ? [trigger.BusinessLine] : Tags.Select(t => t.BusinessLine);

    public string Target => Kind + ":" + Name;

    public static DraftProposal Parse(string? kind, string? name, string? yaml)
    {
        if (kind is not (TagKind or SegmentKind or TriggerKind))
            throw ApiException.BadRequest("invalid_kind", Texts.T("governance.draft.kind", kind));
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(yaml))
            throw ApiException.BadRequest("invalid_body", Texts.T("governance.draft.body"));
        var diagnostics = new List<Diagnostic>();
        if (kind == TagKind)
        {
            var relative = name.Replace('\\', '/').Trim();
            if (!relative.EndsWith(".yaml", StringComparison.Ordinal) || relative.StartsWith('/') || relative.Split('/').Any(p => p is "" or "." or ".."))
                throw ApiException.BadRequest("invalid_name", Texts.T("governance.draft.tagfile", name));
            var file = "tags/" + relative;
            var tags = TagCatalog.ParseFile(file, yaml, diagnostics);
            if (diagnostics.Count > 0)
                throw new WorkspaceException(diagnostics);
            return new DraftProposal(kind, relative, file, yaml, tags, null);
        }
        if (SegmentCatalog.Problem(name) is { } problem)
            throw ApiException.BadRequest("invalid_name", problem);
        if (kind == TriggerKind)
        {
            var triggerFile = TriggerCatalog.Folder + "/" + name + ".yaml";
            var trigger = TriggerCatalog.ParseFile(triggerFile, name, yaml, ActivationNames.Unchecked, diagnostics);
            if (diagnostics.Count > 0 || trigger is null)
                throw new WorkspaceException(diagnostics);
            return new DraftProposal(kind, name, triggerFile, yaml, [], null, trigger);
        }
        var segmentFile = SegmentCatalog.Folder + "/" + name + ".yaml";
        var segment = SegmentCatalog.ParseFile(segmentFile, name, yaml, diagnostics);
        if (diagnostics.Count > 0 || segment is null)
            throw new WorkspaceException(diagnostics);
        return new DraftProposal(kind, name, segmentFile, yaml, [], segment);
    }

    /// <summary>The tag files and segments of the workspace with this draft's file replaced (or added).</summary>
    public (TagCatalog Files, IReadOnlyList<SegmentDefinition> Segments) Apply(string root)
    {
        var files = TagCatalog.Load(root);
        var declared = SegmentCatalog.Load(root);
        var boards = BoardCatalog.Load(root, declared);
        if (Kind == TriggerKind)
            return (files, [.. declared.Segments, .. boards.InlineSegments]);
        if (Kind == TagKind)
        {
            var kept = files.Tags.Where(t => t.File.Replace('\\', '/') != File).ToList();
            return (TagCatalog.From([.. kept, .. Tags]), [.. declared.Segments, .. boards.InlineSegments]);
        }
        var segments = declared.Segments.Where(s => s.Name != Segment!.Name).Append(Segment!).ToList();
        return (files, [.. segments, .. boards.InlineSegments]);
    }
}
