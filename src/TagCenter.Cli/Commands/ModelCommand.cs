using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter model run|list|show</c>: train the models of models/*.yaml and look at their versions.</summary>
internal static class ModelCommand
{
    public static Command Create(CliOptions o)
    {
        var command = new Command("model", o.Texts["models.cmd"]);
        command.Subcommands.Add(ModelRunCommand.Create(o));
        command.Subcommands.Add(ModelListCommand.Create(o));
        command.Subcommands.Add(ModelShowCommand.Create(o));
        return command;
    }

    /// <summary>The workspace's models, checked against its tags.</summary>
    public static ModelCatalog Catalog(string root) => ModelCatalog.Load(root, TagCatalog.Load(root));

    public static ModelDefinition Find(ModelCatalog catalog, string name, Texts t) => catalog.Find(name) ?? throw Unknown(catalog, name, t);

    /// <summary>"No model named …", with the nearest declared name.</summary>
    public static NotFoundException Unknown(ModelCatalog catalog, string name, Texts t) =>
        new(t.Format("models.cli.unknown", name) + Suggest.Hint(name, catalog.Models.Select(m => m.Name)));
}
