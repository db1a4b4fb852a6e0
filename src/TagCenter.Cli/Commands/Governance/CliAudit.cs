using TagCenter.Cli.Console;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Governance;

/// <summary>
/// Records what the CLI changed (<c>tagcenter apply</c>) and exported (<c>export</c>, <c>segment export</c>) in the same
/// audit log as the server, as the operating-system user, in the workspace's default store.
/// </summary>
internal static class CliAudit
{
    /// <summary>What an apply published, for the audit row's after state.</summary>
    public static string Summary(TagCenter.DuckDb.Tags.TagPlan plan) => System.Text.Json.JsonSerializer.Serialize(new
    {
        tags = plan.Changes.Select(c => new { action = c.Action.ToString().ToLowerInvariant(), code = c.Code, name = c.Name, persons_changing = c.PersonsChanging }),
        segments = plan.Segments.Select(s => new { action = s.Action.ToString().ToLowerInvariant(), name = s.Name, size_before = s.SizeBefore, size_after = s.SizeAfter }),
    }, JsonOptions);

    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Record(CliContext context, string action, string target, string? after)
    {
        var store = ControlStores.OpenAsync(ControlStores.Configured, context.WorkspaceRoot, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            store.AppendAuditAsync(StoreOption.Actor, action, target, null, after, TimeProvider.System.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
