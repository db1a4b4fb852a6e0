using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary><c>trigger replay &lt;id&gt;</c>: a dead letter back into the outbox (same delivery id, so a receiver still dedupes), delivered now.</summary>
internal static class TriggerReplayCommand
{
    public static Command Create(CliOptions o)
    {
        var id = new Argument<long>("id") { Description = o.Texts["opt.trigger.id"] };
        var command = new Command("replay", o.Texts["cmd.trigger.replay"]) { id };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var which = result.GetValue(id);
            if (!activation.Store.Replay(which, activation.Time.GetUtcNow()))
                throw new NotFoundException(context.Texts.Format("activation.replay.none", which));
            var dispatched = await activation.Dispatcher().DispatchAsync(cancellationToken).ConfigureAwait(false);
            var item = activation.Store.Get(which)!;
            if (context.Json)
                JsonOutput.Write(ActivationJson.Delivery(item));
            else
                ConsoleOutput.Ok(context.Texts.Format("activation.replayed", which, context.Texts["activation.status." + item.Status], dispatched.Delivered));
            return ExitCodes.Ok;
        });
        return command;
    }
}
