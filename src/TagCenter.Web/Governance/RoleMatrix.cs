using TagCenter.Core.Governance;

namespace TagCenter.Web.Governance;

/// <summary>The role × scope matrix as a table: a row per role, whether it holds each scope, and the kinds of draft it may review.</summary>
internal sealed record RoleRow(string Role, IReadOnlyList<bool> Holds, IReadOnlyList<string> Reviews);

internal static class RoleMatrix
{
    public static IReadOnlyList<string> Scopes { get; } = [Roles.ReadScope, Roles.WriteScope, Roles.AdminScope, Roles.IngestScope];

    private static readonly string[] Kinds = ["tag", "segment", "trigger"];

    public static IReadOnlyList<RoleRow> Rows() =>
    [
        .. Enum.GetValues<Role>().Select(r => new RoleRow(Roles.Name(r), [.. Scopes.Select(s => Roles.Scopes(r).Contains(s))],
            [.. Kinds.Where(k => Roles.MayChange(r, k))])),
    ];
}
