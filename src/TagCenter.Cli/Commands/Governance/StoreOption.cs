using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Governance;

/// <summary><c>--store</c> (else <c>TAGCENTER_STORE</c>): the control store (users, keys, audit, drafts), SQLite in the workspace unless it names PostgreSQL.</summary>
internal static class StoreOption
{
    public static Option<string?> Create(Texts t) => new("--store") { Description = t["governance.opt.store"] };

    public static Task<IControlStore> OpenAsync(CliContext context, ParseResult result, Option<string?> store, CancellationToken cancellationToken) =>
        ControlStores.OpenAsync(result.GetValue(store) ?? ControlStores.Configured, context.WorkspaceRoot, cancellationToken);

    /// <summary>Who acts from the command line: the operating-system user (the audit log's actor).</summary>
    public static string Actor => "os:" + Environment.UserName;
}
