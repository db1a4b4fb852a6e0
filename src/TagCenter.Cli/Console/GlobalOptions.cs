using System.CommandLine;

namespace TagCenter.Cli.Console;

/// <summary>Options every command understands.</summary>
internal sealed class GlobalOptions
{
    public GlobalOptions(Texts texts)
    {
        Texts = texts;
        Lang = new Option<string?>("--lang") { Description = texts["opt.lang"], Recursive = true };
        Json = new Option<bool>("--json") { Description = texts["opt.json"], Recursive = true };
    }

    public Texts Texts { get; }

    public Option<string?> Lang { get; }

    public Option<bool> Json { get; }

    public Option<string> Workspace(string fallback) =>
        new("--workspace", "-w") { Description = Texts["opt.workspace"], DefaultValueFactory = _ => fallback };
}
