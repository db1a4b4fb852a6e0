using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// The demo's activation section (设策略 → 看效果): what the triggers delivered (tasks for advisors, messages, files in
/// drop folders) and the first experiment's lift per arm against its holdout.
/// </summary>
internal static class ActivationDemoView
{
    public static void Print(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        if (context.Json || !ActivationWorkspace.Declared(definition) || !database.TableExists("dim_person"))
            return;
        var t = context.Texts;
        using var activation = ActivationWorkspace.Open(definition, database);
        var counts = activation.Store.Counts();
        var tasks = activation.Store.Tasks(int.MaxValue);
        var messages = activation.Store.Messages(int.MaxValue);
        ConsoleOutput.Grey("  " + t.Format("activation.demo.outbox", counts.GetValueOrDefault(DeliveryStatus.Delivered), counts.GetValueOrDefault(DeliveryStatus.Pending),
            counts.GetValueOrDefault(DeliveryStatus.Dead), tasks.Count, messages.Count));
        foreach (var group in tasks.GroupBy(x => x.Queue ?? x.Assignee))
            ConsoleOutput.Grey("    " + t.Format("activation.demo.tasks", group.Key, group.Count(), group.First().Person, group.First().Detail));
        foreach (var message in messages.GroupBy(m => m.Trigger).Select(g => g.First()))
            ConsoleOutput.Grey("    " + t.Format("activation.demo.message", message.Trigger, messages.Count(m => m.Trigger == message.Trigger), message.Text));
        foreach (var file in activation.Triggers.Triggers.SelectMany(x => x.Actions).Where(a => a.Folder is not null).Select(a => Path.Combine(definition.Root, a.Folder!)).Distinct()
            .Where(Directory.Exists).SelectMany(Directory.GetFiles).Where(f => !Path.GetFileName(f).StartsWith('.')))
            ConsoleOutput.Grey("    " + t.Format("activation.demo.file", Path.GetRelativePath(definition.Root, file), File.ReadLines(file).Count() - 1));
        if (activation.Experiments.Experiments is [var experiment, ..])
            ExperimentShowCommand.Print(ExperimentResults.Compute(database, experiment, activation.Catalog), t);
    }
}
