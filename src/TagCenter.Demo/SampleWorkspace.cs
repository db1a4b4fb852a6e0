using System.Reflection;
using TagCenter.Core.Workspace;

namespace TagCenter.Demo;

/// <summary>The sample retail workspace (samples/retail), embedded so an installed tool can write it anywhere.</summary>
public static class SampleWorkspace
{
    public static string Yaml()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TagCenter.samples.retail.tagcenter.yaml")
            ?? throw new InvalidOperationException("the sample workspace is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes tagcenter.yaml, tags/, segments/, boards/, models/, triggers/ and experiments/ into the folder (replacing an older sample) and returns its definition.</summary>
    public static WorkspaceDefinition WriteTo(string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, WorkspaceDefinition.FileName), Yaml());
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var folder in new[] { "tags", "segments", "boards", "models", "triggers", "experiments" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
            var prefix = $"TagCenter.samples.retail.{folder}.";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var file = File.Create(Path.Combine(root, folder, name[prefix.Length..]));
                stream.CopyTo(file);
            }
        }
        return WorkspaceLoader.Load(root);
    }
}
