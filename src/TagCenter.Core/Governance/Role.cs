namespace TagCenter.Core.Governance;

/// <summary>
/// What a person (or a program's key) is allowed to do, as a set of API scopes (<see cref="Roles.Scopes"/>). The
/// business line and <c>pii:read</c> are separate: they limit what data a role's scopes reach.
/// </summary>
public enum Role
{
    /// <summary>Everything, including users, keys and the audit log.</summary>
    Admin,

    /// <summary>Reads everything of their line, changes tags, segments and triggers (as drafts), reviews others' drafts.</summary>
    Analyst,

    /// <summary>Reads everything of their line, changes segments and triggers (as drafts), reviews others' drafts of those.</summary>
    Marketer,

    /// <summary>Reads only.</summary>
    Viewer,

    /// <summary>A program that only sends events (a Segment write key): no reads at all.</summary>
    Ingest,
}

/// <summary>The role × scope matrix (documented in the README's security model).</summary>
public static class Roles
{
    // The same words as the server's ApiScopes (a test checks they agree).
    public const string IngestScope = "ingest";
    public const string ReadScope = "read";
    public const string WriteScope = "write";
    public const string AdminScope = "admin";

    public static IReadOnlyList<string> Scopes(Role role) => role switch
    {
        Role.Admin => [IngestScope, ReadScope, WriteScope, AdminScope],
        Role.Analyst or Role.Marketer => [ReadScope, WriteScope],
        Role.Viewer => [ReadScope],
        Role.Ingest => [IngestScope],
        _ => [],
    };

    /// <summary>The role a word names (<c>admin</c>, <c>analyst</c>, …), or null.</summary>
    public static Role? Parse(string? text) =>
        Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => string.Equals(r.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<Role>().Select(Name)];

    /// <summary>Whether <paramref name="role"/> may draft (and review) a change of this kind.</summary>
    public static bool MayChange(Role role, string kind) => role switch
    {
        Role.Admin or Role.Analyst => kind is "tag" or "segment" or "trigger",
        Role.Marketer => kind is "segment" or "trigger",
        _ => false,
    };

    /// <summary>The business line that means "every line" (tags and segments default to it).</summary>
    public const string CompanyWide = "全公司";
}
