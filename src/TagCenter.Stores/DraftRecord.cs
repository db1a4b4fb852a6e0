namespace TagCenter.Stores;

/// <summary>
/// A proposed change to a tag file or a segment (its full YAML), waiting for a reviewer who is not its author.
/// <see cref="Status"/>: <c>pending</c>, then <c>approved</c> (published) or <c>rejected</c>.
/// </summary>
public sealed record DraftRecord(string Id, string Kind, string Name, string Yaml, string Author, string? AuthorLine, string Status,
    DateTimeOffset CreatedAt, string? Reviewer = null, DateTimeOffset? DecidedAt = null, string? Note = null)
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
}
