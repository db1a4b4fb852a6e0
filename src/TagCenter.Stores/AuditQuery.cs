namespace TagCenter.Stores;

/// <summary>Which audit rows to read: since a time, by one actor, of one action, at most <see cref="Limit"/> (newest last).</summary>
public sealed record AuditQuery(DateTimeOffset? Since = null, string? Actor = null, string? Action = null, int? Limit = null);
