using TagCenter.Core.Fields;

namespace TagCenter.Core.Workspace;

/// <summary>A field's class in the whitelist (字段白名单) set by hand: <c>fields: { crm_members.remark: redundant }</c>.</summary>
public sealed record FieldPin(string Table, string Column, FieldClass Class, string? Note);
