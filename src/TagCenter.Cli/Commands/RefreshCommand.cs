using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter refresh</c> brings a workspace up to date like make (see <see cref="WorkspacePipeline.RefreshAsync"/>):
/// changed sources are loaded, identity re-resolved, undeclared facts dropped, the tags that are due recomputed.
/// </summary>
internal static class RefreshCommand
{
    public static Command Create(CliOptions o)
    {
        var asOf = AsOfOption.Create(o.Texts);
        var allowShrink = new Option<bool>("--allow-shrink") { Description = o.Texts["opt.allowshrink"] };
        var command = new Command("refresh", o.Texts["cmd.refresh"]) { asOf, allowShrink };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            var when = AsOfOption.Read(result, asOf, session.Definition);
            var refreshed = await RunAsync(context, session.Definition, session.Database,
                new RefreshSettings(when, ForceLoad: false, Publish: false, result.GetValue(allowShrink)), cancellationToken);
            if (context.Json)
                JsonOutput.Write(refreshed);
            return refreshed.ExitCode;
        });
        return command;
    }

    /// <summary>What refresh (and demo) should do: the as-of of tag runs, whether to reload everything, whether to publish the tag files first.</summary>
    public sealed record RefreshSettings(AsOfTime AsOf, bool ForceLoad, bool Publish, bool AllowShrink);

    public static async Task<RefreshResultView> RunAsync(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database,
        RefreshSettings settings, CancellationToken cancellationToken)
    {
        var t = context.Texts;
        var request = new RefreshRequest(settings.AsOf.Local, settings.AsOf.Given, settings.ForceLoad, settings.Publish, settings.AllowShrink);
        var r = await WorkspacePipeline.RefreshAsync(database, definition, request, new PipelineConsole(context, settings.AsOf), TimeProvider.System, cancellationToken);
        Activation.ActivationStep.Print(context, r.Tags?.Activation); // what the run's triggers did
        var skipped = r.Tags is null ? t["tags.unpublished"] : r.Tags.Run is null ? t["tags.nothingdue"] : null;
        if (r.Tags is { Run: null } && !context.Json)
            ConsoleOutput.Ok(t["step.tags"] + "  " + t["tags.nothingdue"]);
        return RefreshResultView.Of(r, skipped, r.SourcesFailed ? ExitCodes.SourcesFailed : ExitCodes.Ok);
    }
}
