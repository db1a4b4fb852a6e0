using Spectre.Console;

namespace TagCenter.Cli.Console;

/// <summary>The one console writer: the width follows the terminal, or <c>COLUMNS</c> when output is piped.</summary>
internal static class ConsoleOutput
{
    /// <summary>Sets up the console once per run.</summary>
    public static void Configure()
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns is >= 20 and <= 1000)
            AnsiConsole.Profile.Width = columns;
        else if (System.Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = 160; // a pipe has no width; 80 cuts Chinese tables mid-value
    }

    public static void Ok(string text) => AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(text)}");

    public static void Warn(string text) => AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(text)}[/]");

    public static void Grey(string text) => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    public static void Step(string name, string detail, TimeSpan elapsed) =>
        AnsiConsole.MarkupLine($"[green]✔[/] {Markup.Escape(name)}  {Markup.Escape(detail)}  [grey]{elapsed.TotalSeconds:0.0}s[/]");

    /// <summary>A table cell that never wraps: too long a value ends in "…" instead of being cut or folded.</summary>
    public static Markup Cell(string? text) => new(Markup.Escape(text ?? "")) { Overflow = Overflow.Ellipsis };

    /// <summary>Runs <paramref name="work"/> under a spinner when a person watches; silently for JSON or a pipe.</summary>
    public static T Busy<T>(CliContext context, string label, Func<T> work)
    {
        if (context.Json || !AnsiConsole.Profile.Capabilities.Interactive)
            return work();
        T result = default!;
        AnsiConsole.Status().Start(label + "…", _ => result = work());
        return result;
    }

    public static async Task<T> BusyAsync<T>(CliContext context, string label, Func<Task<T>> work)
    {
        if (context.Json || !AnsiConsole.Profile.Capabilities.Interactive)
            return await work();
        return await AnsiConsole.Status().StartAsync(label + "…", _ => work());
    }
}
