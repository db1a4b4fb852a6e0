using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// <c>trigger opt-out &lt;person&gt; &lt;category&gt;</c>: records that a person withdrew consent for a category (e.g.
/// marketing); triggers with that <c>consent:</c> skip them from now on and log the skip. The server will take the same
/// from an API call or a CRM event.
/// </summary>
internal static class TriggerOptOutCommand
{
    public static Command Create(CliOptions o)
    {
        var person = new Argument<string>("person") { Description = o.Texts["opt.trigger.person"] };
        var category = new Argument<string>("category") { Description = o.Texts["opt.trigger.category"] };
        var command = new Command("opt-out", o.Texts["cmd.trigger.optout"]) { person, category };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var (who, what) = (result.GetValue(person)!, result.GetValue(category)!);
            activation.Store.OptOut(who, what, activation.Time.GetUtcNow());
            if (context.Json)
                JsonOutput.Write(new { person = who, category = what, opted_out = true });
            else
                ConsoleOutput.Ok(context.Texts.Format("activation.optedout", who, what));
            return ExitCodes.Ok;
        });
        return command;
    }
}
