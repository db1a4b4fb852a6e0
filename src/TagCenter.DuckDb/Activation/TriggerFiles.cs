using System.Text;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// A trigger's file, <c>triggers/&lt;name&gt;.yaml</c>, for whoever changes triggers other than by hand (the
/// server's reviewed drafts): check a yaml against the workspace (segments, published tags, URLs) with diagnostics at
/// their line and column, then write or delete the file. Pure of the database: the caller passes the published tags.
/// </summary>
public static class TriggerFiles
{
    public static string PathFor(string workspaceRoot, string name) => Path.Combine(workspaceRoot, TriggerCatalog.Folder, name + ".yaml");

    /// <summary>The yaml of trigger <paramref name="name"/> as the file says now; null when there is none.</summary>
    public static string? Read(string workspaceRoot, string name) =>
        SegmentCatalog.Problem(name) is null && File.Exists(PathFor(workspaceRoot, name)) ? File.ReadAllText(PathFor(workspaceRoot, name)) : null;

    /// <summary>
    /// What is wrong with <paramref name="yaml"/> as trigger <paramref name="name"/> (empty: nothing): the name, the yaml,
    /// unknown segments and tags, caps, quiet hours, consent, actions, a webhook that is not http(s) or points at this
    /// machine, and one that points at <paramref name="selfAuthorities"/> (the server's own host:port) even when
    /// <c>allow_local</c> says local is meant.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(WorkspaceDefinition definition, TagCatalog? published, string name, string yaml,
        IReadOnlyCollection<string>? selfAuthorities = null)
    {
        var file = Path.Combine(TriggerCatalog.Folder, name + ".yaml");
        if (SegmentCatalog.Problem(name) is { } bad)
            return [new Diagnostic(file, 1, 1, bad)];
        var segments = WorkspaceSegments.All(definition);
        var names = new ActivationNames([.. segments.Segments.Select(s => s.Name)], published);
        var diagnostics = new List<Diagnostic>();
        var trigger = TriggerCatalog.ParseFile(file, name, yaml, names, diagnostics);
        if (trigger is null || diagnostics.Count > 0)
            return diagnostics;
        if (trigger.Name != name)
            diagnostics.Add(new Diagnostic(file, Line(yaml, "name"), 1, Texts.T("activation.trigger.name_mismatch", trigger.Name, name)));
        foreach (var action in trigger.Actions.Where(a => a.Kind == ActionKind.Webhook && a.Url is not null))
            if (Uri.TryCreate(action.Url, UriKind.Absolute, out var uri) && selfAuthorities is not null
                && selfAuthorities.Any(s => string.Equals(s, uri.Authority, StringComparison.OrdinalIgnoreCase)))
                diagnostics.Add(new Diagnostic(file, Line(yaml, action.Url!), Column(yaml, action.Url!), Texts.T("activation.trigger.self", action.Url)));
        return diagnostics;
    }

    /// <summary>Checks, then writes <c>triggers/&lt;name&gt;.yaml</c> (whole or not at all); a <see cref="WorkspaceException"/> lists what is wrong.</summary>
    public static string Write(WorkspaceDefinition definition, TagCatalog? published, string name, string yaml, IReadOnlyCollection<string>? selfAuthorities = null)
    {
        var diagnostics = Validate(definition, published, name, yaml, selfAuthorities);
        if (diagnostics.Count > 0)
            throw new WorkspaceException([.. diagnostics]);
        var path = PathFor(definition.Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, yaml, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>Deletes <c>triggers/&lt;name&gt;.yaml</c>; false when there was none. Its deliveries stay in the outbox's history.</summary>
    public static bool Delete(string workspaceRoot, string name)
    {
        if (SegmentCatalog.Problem(name) is not null || !File.Exists(PathFor(workspaceRoot, name)))
            return false;
        File.Delete(PathFor(workspaceRoot, name));
        return true;
    }

    private static int Line(string yaml, string text)
    {
        var lines = yaml.Split('\n');
        var i = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return i < 0 ? 1 : i + 1;
    }

    private static int Column(string yaml, string text)
    {
        var line = yaml.Split('\n')[Line(yaml, text) - 1];
        return Math.Max(0, line.IndexOf(text, StringComparison.Ordinal)) + 1;
    }
}
