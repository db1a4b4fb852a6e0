using TagCenter.Core.Governance;

namespace TagCenter.Stores;

/// <summary>A person: their role, their business line (null: company-wide, sees every line) and whether they read personal data unmasked.</summary>
public sealed record UserRecord(string Name, Role Role, string? BusinessLine, bool PiiRead, DateTimeOffset CreatedAt);
