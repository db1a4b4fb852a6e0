using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Governance;
using TagCenter.Core.Text;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Stores;

namespace TagCenter.Server.Governance;

/// <summary>
/// <c>/api/v1/users</c> and <c>/api/v1/keys</c> (admin): people with their role, line and PII right, and the API keys
/// that act for them. A new key is in the creation answer only; lists show its first characters.
/// </summary>
internal static class AccessEndpoints
{
    public static void MapUsers(RouteGroupBuilder group)
    {
        group.MapGet("/", async (IControlStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListUsersAsync(cancellationToken)).Select(Accounts.Shown).ToList()))
            .WithName("ListUsers").WithSummary("Users with their role, business line and PII right").RequireScope(ApiScopes.Admin);

        group.MapPost("/", async (UserBody body, HttpContext context, Accounts accounts, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name))
                throw ApiException.BadRequest("invalid_body", Texts.T("governance.user.noname"));
            var user = await accounts.AddUserAsync(Caller.Of(context).Name, body.Name, RoleOf(body.Role), body.BusinessLine, body.PiiRead, cancellationToken)
                ?? throw ApiException.Conflict("user_exists", Texts.T("governance.user.exists", body.Name));
            return TypedResults.Created("/api/v1/users/" + Uri.EscapeDataString(user.Name), Accounts.Shown(user));
        }).WithName("CreateUser").WithSummary("Adds a user").RequireScope(ApiScopes.Admin);
    }

    public static void MapKeys(RouteGroupBuilder group)
    {
        group.MapGet("/", async (IControlStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok((await store.ListKeysAsync(cancellationToken)).Select(Accounts.Shown).ToList()))
            .WithName("ListKeys").WithSummary("API keys (never the key itself)").RequireScope(ApiScopes.Admin);

        group.MapPost("/", async (KeyBody body, HttpContext context, IControlStore store, Accounts accounts, CancellationToken cancellationToken) =>
        {
            var (name, role, line, pii) = await ResolveAsync(body, store, cancellationToken);
            var (record, key) = await accounts.CreateKeyAsync(Caller.Of(context).Name, name, role, line, pii, cancellationToken);
            return TypedResults.Created("/api/v1/keys/" + record.Id, new { key, shown_once = true, record = Accounts.Shown(record) });
        }).WithName("CreateKey").WithSummary("Creates an API key (shown in this answer only)").RequireScope(ApiScopes.Admin);

        group.MapPost("/{id}/revoke", async (string id, HttpContext context, Accounts accounts, CancellationToken cancellationToken) =>
        {
            if (!await accounts.RevokeKeyAsync(Caller.Of(context).Name, id, cancellationToken))
                throw ApiException.NotFound("key_not_found", Texts.T("governance.key.notfound", id));
            return TypedResults.NoContent();
        }).WithName("RevokeKey").WithSummary("Revokes an API key").RequireScope(ApiScopes.Admin);
    }

    /// <summary>A key for a user takes the user's role, line and PII right; otherwise the body gives them.</summary>
    private static async Task<(string, Role, string?, bool)> ResolveAsync(KeyBody body, IControlStore store, CancellationToken cancellationToken)
    {
        if (body.User is { } userName)
        {
            var user = await store.FindUserAsync(userName, cancellationToken)
                ?? throw ApiException.NotFound("user_not_found", Texts.T("governance.user.notfound", userName));
            return (user.Name, user.Role, user.BusinessLine, user.PiiRead);
        }
        var role = RoleOf(body.Role);
        return (string.IsNullOrWhiteSpace(body.Name) ? Roles.Name(role) : body.Name, role, body.BusinessLine, body.PiiRead);
    }

    internal static Role RoleOf(string? text) => Roles.Parse(text)
        ?? throw ApiException.BadRequest("unknown_role", Texts.T("governance.role.unknown", text, string.Join(", ", Roles.Names)));

    internal sealed record UserBody(string Name, string? Role, string? BusinessLine, bool PiiRead);

    internal sealed record KeyBody(string? User, string? Name, string? Role, string? BusinessLine, bool PiiRead);
}
