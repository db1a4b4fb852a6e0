using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TagCenter.Cli.Console;
using TagCenter.Server.Hosting;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter serve</c>: the HTTP server over the workspace until Ctrl-C or SIGTERM (in-flight requests finish).</summary>
internal static class ServeCommand
{
    public static Command Create(CliOptions o)
    {
        var urls = new Option<string[]>("--urls") { Description = o.Texts["opt.urls"], AllowMultipleArgumentsPerToken = true };
        var slice = new Option<int>("--profile-slice") { Description = o.Texts["opt.profileslice"], DefaultValueFactory = _ => 1_000_000 };
        slice.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
                r.AddError(o.Texts["error.profileslice"]);
        });
        var threads = new Option<int?>("--engine-threads") { Description = o.Texts["opt.enginethreads"] };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
                r.AddError(o.Texts["error.enginethreads"]);
        });
        var nice = new Option<int>("--writer-nice") { Description = o.Texts["opt.writernice"], DefaultValueFactory = _ => ServerOptions.DefaultWriterNice };
        nice.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 19)
                r.AddError(o.Texts["error.writernice"]);
        });
        var store = Governance.StoreOption.Create(o.Texts);
        var command = new Command("serve", o.Texts["cmd.serve"]) { urls, slice, threads, nice, store };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var definition = context.LoadWorkspace();
            var options = new ServerOptions
            {
                WorkspaceRoot = definition.Root,
                DefaultLanguage = t.Language,
                Store = result.GetValue(store) ?? Stores.ControlStores.Configured,
                Urls = result.GetValue(urls) is { Length: > 0 } given ? given : new ServerOptions { WorkspaceRoot = definition.Root }.Urls,
                ProfileSliceSize = result.GetValue(slice),
                EngineThreads = result.GetValue(threads),
                WriterNice = result.GetValue(nice),
            };
            await using var app = ServerApp.Build(options);
            await app.StartAsync(cancellationToken);
            foreach (var url in app.Urls)
                ConsoleOutput.Ok(t.Format("server.serve.listening", definition.Name, url));
            var control = app.Services.GetRequiredService<TagCenter.Stores.IControlStore>();
            ConsoleOutput.Grey(t.Format("governance.serve.store", control.Describe));
            if (!await control.AnyActiveKeyAsync(cancellationToken))
                ConsoleOutput.Warn("! " + t.Format("governance.serve.nokeys", definition.Root));
            await app.WaitForShutdownAsync(cancellationToken);
            ConsoleOutput.Grey(t["server.serve.stopped"]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
