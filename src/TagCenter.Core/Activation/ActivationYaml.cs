using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Activation;

/// <summary>
/// The opening every activation file shares (a trigger, an experiment): the yaml parsed, one document, its top a map
/// with only the known keys. Null when the file cannot be read further; the reason is in the diagnostics.
/// </summary>
internal static class ActivationYaml
{
    public static YamlMap? Top(string file, string yaml, string context, string[] keys, List<Diagnostic> diagnostics)
    {
        if (YamlSyntax.Load(yaml, file, diagnostics) is not { } stream)
            return null;
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, 1, 1, Texts.T("activation.file.empty")));
            return null;
        }
        if (YamlMap.From(stream.Documents[0].RootNode, context, file, diagnostics) is not { } top)
            return null;
        top.AllowOnly(context, keys);
        return top;
    }
}
