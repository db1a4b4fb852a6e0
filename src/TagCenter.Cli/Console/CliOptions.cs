using System.CommandLine;

namespace TagCenter.Cli.Console;

/// <summary>Options every command understands, declared once on the root (recursive).</summary>
internal sealed class CliOptions
{
    public CliOptions(Texts texts)
    {
        Texts = texts;
        Lang = new Option<string?>("--lang") { Description = texts["opt.lang"], Recursive = true };
        Lang.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } lang && TagCenter.Core.Text.Texts.Parse(lang) is null)
                r.AddError(texts.Format("error.lang", lang));
        });
        Json = new Option<bool>("--json") { Description = texts["opt.json"], Recursive = true };
        Workspace = new Option<string>("--workspace", "-w") { Description = texts["opt.workspace"], Recursive = true, DefaultValueFactory = _ => "." };
    }

    public Texts Texts { get; }

    public Option<string?> Lang { get; }

    public Option<bool> Json { get; }

    public Option<string> Workspace { get; }
}
