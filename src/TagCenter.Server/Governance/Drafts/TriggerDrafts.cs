using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;

namespace TagCenter.Server.Governance.Drafts;

/// <summary>
/// A trigger draft (<c>triggers/&lt;name&gt;.yaml</c>) checked as the caller sees the workspace: the segments it enters,
/// leaves, alerts on or pushes and the tags it watches must be ones the caller may see (another line's are "unknown",
/// as the trigger parser says it), and a <c>when: rule:</c> binds against the visible tags like a segment's rule.
/// Publishing a trigger changes no tag or segment, so its impact is empty; the activation run reads the file.
/// </summary>
/// <remarks>
/// Parsed with <see cref="TriggerCatalog.ParseFile"/> until the activation library's <c>TriggerFiles</c>
/// validate/write API lands; then <see cref="Check"/> and <see cref="DraftReview"/>'s file write switch to it.
/// </remarks>
internal static class TriggerDrafts
{
    /// <summary>The trigger of <paramref name="proposal"/> checked against the visible names; a 422 with diagnostics when it names others.</summary>
    public static TriggerDefinition Check(DraftProposal proposal, TagCatalog visibleTags, IReadOnlyList<SegmentDefinition> visibleSegments)
    {
        var diagnostics = new List<Diagnostic>();
        var names = new ActivationNames([.. visibleSegments.Select(s => s.Name)], visibleTags);
        var trigger = TriggerCatalog.ParseFile(proposal.File, proposal.Name, proposal.Yaml, names, diagnostics);
        if (diagnostics.Count > 0 || trigger is null)
            throw new WorkspaceException(diagnostics);
        return trigger;
    }

    /// <summary>A <c>when: rule:</c> as a segment of the trigger's file, to bind it as segment rules are; null for other conditions.</summary>
    public static SegmentDefinition? RuleAsSegment(TriggerDefinition trigger) =>
        trigger.When is { Kind: TriggerKind.Rule, Rule: { } rule }
            ? new SegmentDefinition { Name = trigger.Name, Rule = rule, File = trigger.File, BusinessLine = trigger.BusinessLine }
            : null;
}
