using System.Data.Common;
using TagCenter.Core.Governance;

namespace TagCenter.Stores;

internal sealed partial class SqlControlStore
{
    public async Task<bool> AddUserAsync(UserRecord user, CancellationToken cancellationToken) =>
        await ExecuteAsync("INSERT INTO users (name, role, business_line, pii_read, created_at) VALUES (@name, @role, @line, @pii, @at) ON CONFLICT (name) DO NOTHING",
            cancellationToken, ("name", user.Name), ("role", Roles.Name(user.Role)), ("line", user.BusinessLine), ("pii", user.PiiRead ? 1 : 0),
            ("at", Time(user.CreatedAt))).ConfigureAwait(false) == 1;

    public async Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync(UserSelect + " WHERE name = @name", ReadUser, cancellationToken, ("name", name)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken) =>
        await QueryAsync(UserSelect + " ORDER BY name", ReadUser, cancellationToken).ConfigureAwait(false);

    private const string UserSelect = "SELECT name, role, business_line, pii_read, created_at FROM users";

    private static UserRecord ReadUser(DbDataReader r) =>
        new(r.GetString(0), Roles.Parse(r.GetString(1)) ?? Role.Viewer, StringOrNull(r, 2), Convert.ToInt64(r.GetValue(3)) != 0, ReadTime(r, 4));
}
