using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>Loads several sources one after another; one failing source does not stop (or undo) the others.</summary>
public static class WorkspaceLoad
{
    public static Task<IReadOnlyList<SourceLoadResult>> RunAsync(
        WorkspaceDatabase database, WorkspaceDefinition workspace, IEnumerable<SourceDefinition> sources, bool force,
        Action<SourceDefinition>? starting, Action<SourceLoadResult>? finished, TimeProvider time, CancellationToken cancellationToken) =>
        RunAsync(database, workspace, sources, new LoadOptions(Force: force), starting, finished, time, cancellationToken);

    public static async Task<IReadOnlyList<SourceLoadResult>> RunAsync(
        WorkspaceDatabase database, WorkspaceDefinition workspace, IEnumerable<SourceDefinition> sources, LoadOptions options,
        Action<SourceDefinition>? starting, Action<SourceLoadResult>? finished, TimeProvider time, CancellationToken cancellationToken)
    {
        var loader = new SourceLoader(database, workspace, time);
        var results = new List<SourceLoadResult>();
        // Event sources are fed by the server's ingest consumer, not read from a file.
        foreach (var source in sources.Where(s => s.Kind != SourceKind.Segment))
        {
            cancellationToken.ThrowIfCancellationRequested();
            starting?.Invoke(source);
            SourceLoadResult result;
            try
            {
                result = new SourceLoadResult(source.Name, await loader.LoadAsync(source, options, cancellationToken).ConfigureAwait(false), null);
            }
            catch (SourceLoadException e)
            {
                result = new SourceLoadResult(source.Name, null, e.Message);
            }
            results.Add(result);
            finished?.Invoke(result);
        }
        return results;
    }

    /// <summary>Picks sources by name, failing with the list of known names on a typo.</summary>
    public static IReadOnlyList<SourceDefinition> Select(WorkspaceDefinition workspace, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
            return [.. workspace.Sources.Where(s => s.Kind != SourceKind.Segment)];
        return names.Select(n => workspace.FindSource(n) ?? throw new NotFoundException(
            Texts.T("ingest.unknown_source", n, Suggest.Hint(n, workspace.Sources.Select(s => s.Name)), string.Join(", ", workspace.Sources.Select(s => s.Name))))).ToList();
    }
}

/// <summary>One source's outcome: a report, or the error that kept it from loading.</summary>
public sealed record SourceLoadResult(string Source, LoadReport? Report, string? Error);
