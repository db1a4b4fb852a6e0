namespace TagCenter.Core.Workspace;

/// <summary>A type of identifier values (member_no, phone, ...).</summary>
public sealed record IdentifierTypeDefinition(string Name, string? Description)
{
    public static readonly IReadOnlyList<string> BuiltIn =
        ["member_no", "phone", "email", "device_id", "openid", "unionid", "cookie"];
}
