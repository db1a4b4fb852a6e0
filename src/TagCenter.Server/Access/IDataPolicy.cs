using TagCenter.Core.Segments;
using TagCenter.Core.Tags;

namespace TagCenter.Server.Access;

/// <summary>
/// What a caller may see of the data, asked by every endpoint that returns tags, segments, triggers, rules or personal
/// data: the items of their business line (and company-wide ones) — a rule naming any other tag binds against the
/// visible catalog and fails as "unknown tag", never a leak — and personal data masked unless they hold <c>pii:read</c>.
/// Governance supplies the one implementation (<c>GovernedDataPolicy</c>).
/// </summary>
public interface IDataPolicy
{
    /// <summary>The tags <paramref name="caller"/> may see and use in rules.</summary>
    TagCatalog VisibleTags(TagCatalog catalog, Caller caller);

    /// <summary>Whether <paramref name="caller"/> may see a segment (or board) of <paramref name="segment"/>'s business line.</summary>
    bool CanSee(SegmentDefinition segment, Caller caller);

    /// <summary>
    /// Whether <paramref name="caller"/> may see an item (a trigger, a draft) of business line <paramref name="line"/>:
    /// company-wide items (null, empty or <c>全公司</c>) and their own line's; a caller without a line sees every line.
    /// </summary>
    bool CanSeeLine(string? line, Caller caller);

    /// <summary>
    /// <paramref name="value"/> of <paramref name="field"/> (a golden-record field, an identifier type such as
    /// <c>phone</c>, or a tag name) as <paramref name="caller"/> may see it: masked (<c>138****8000</c>) when the
    /// field is personal data and they lack <c>pii:read</c>; when they hold it, the read is audited (once per request).
    /// </summary>
    string? Mask(string field, string? value, Caller caller);

    /// <summary>
    /// Whether an answer may list <paramref name="field"/>'s values unmasked to <paramref name="caller"/> (an analysis
    /// grouped by it, a portrait of it): always for a field that is not personal data; for one that is, only with
    /// <c>pii:read</c>, and then the read is audited like <see cref="Mask"/>'s.
    /// </summary>
    bool MayList(string field, Caller caller);
}
