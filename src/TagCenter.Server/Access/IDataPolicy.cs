using TagCenter.Core.Segments;
using TagCenter.Core.Tags;

namespace TagCenter.Server.Access;

/// <summary>
/// What a caller may see of the data, asked by every endpoint that returns tags, segments, rules or personal data:
/// the tags of their business line (and company-wide ones) — a rule naming any other tag binds against the visible
/// catalog and fails as "unknown tag", never a leak — and personal data masked unless they hold <c>pii:read</c>.
/// Governance supplies the real policy; until then <see cref="OpenDataPolicy"/> shows everything unmasked.
/// </summary>
public interface IDataPolicy
{
    /// <summary>The tags <paramref name="caller"/> may see and use in rules.</summary>
    TagCatalog VisibleTags(TagCatalog catalog, Caller caller);

    /// <summary>Whether <paramref name="caller"/> may see a segment (or board) of <paramref name="segment"/>'s business line.</summary>
    bool CanSee(SegmentDefinition segment, Caller caller);

    /// <summary>
    /// <paramref name="value"/> of <paramref name="field"/> (a golden-record field, an identifier type such as
    /// <c>phone</c>, or a tag name) as <paramref name="caller"/> may see it: masked (<c>138****8000</c>) when the
    /// field is personal data and they lack <c>pii:read</c>.
    /// </summary>
    string? Mask(string field, string? value, Caller caller);
}

/// <summary>The policy before governance: every tag and segment visible, nothing masked.</summary>
public sealed class OpenDataPolicy : IDataPolicy
{
    public TagCatalog VisibleTags(TagCatalog catalog, Caller caller) => catalog;

    public bool CanSee(SegmentDefinition segment, Caller caller) => true;

    public string? Mask(string field, string? value, Caller caller) => value;
}
