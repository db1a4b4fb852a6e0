namespace TagCenter.Core.Workspace;

/// <summary>A type of identifier values (member_no, phone, ...) and the entity it identifies (person unless declared).</summary>
public sealed record IdentifierTypeDefinition(string Name, string? Description, string Entity = "person")
{
    public static readonly IReadOnlyList<string> BuiltIn =
        ["member_no", "phone", "email", "device_id", "openid", "unionid", "cookie"];
}
