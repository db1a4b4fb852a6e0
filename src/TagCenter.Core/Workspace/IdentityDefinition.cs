using TagCenter.Core.Identity;

namespace TagCenter.Core.Workspace;

/// <summary>The <c>identity:</c> section: how identifiers link into persons and how the golden record is chosen.</summary>
public sealed record IdentityDefinition
{
    /// <summary>Built-in rules; a workspace overrides any of them under <c>identity.types</c>.</summary>
    public static readonly IReadOnlyList<IdentifierTypeRule> DefaultRules =
    [
        new("member_no", 1, 1, false), new("unionid", 2, 1, false), new("phone", 3, 2, false), new("email", 4, 3, false),
        new("openid", 5, 3, false), new("device_id", 6, 5, true), new("cookie", 7, 10, true),
    ];

    public static readonly IReadOnlyList<string> DefaultBlocklist =
        ["+8613800000000", "+8600000000000", "test@test.com", "test@example.com", "null", "unknown", "undefined", "0", "-"];

    public required IReadOnlyList<IdentifierTypeRule> Rules { get; init; }

    public IReadOnlyList<string> Blocklist { get; init; } = DefaultBlocklist;

    public IReadOnlyList<string> BlocklistPatterns { get; init; } = [];

    /// <summary>A person with more identifiers than this stops the run: a junk value has slipped through.</summary>
    public int MaxComponentSize { get; init; } = 200;

    public IReadOnlyList<GoldenField> Golden { get; init; } = [];
}
