using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Writing <c>segments/&lt;name&gt;.yaml</c> for <c>segment create</c> and the API's create, update and delete: the
/// draft is written as YAML and parsed back (so positions in diagnostics are those of the file), its rule checked
/// against the tags the caller may use, the file replaced whole (temp file and rename) and the segment evaluated once.
/// </summary>
public static class SegmentFiles
{
    /// <summary>The file <paramref name="name"/> is (or would be) written to, relative to the workspace and with '/'.</summary>
    public static string Relative(string root, string name) => Path.GetRelativePath(root, SegmentCatalog.FileFor(root, name)).Replace('\\', '/');

    /// <summary>The draft as its file's YAML and as the definition read back from it; problems are a <see cref="WorkspaceException"/>.</summary>
    public static (SegmentDefinition Segment, string Yaml) Prepare(string file, SegmentDraft draft)
    {
        var diagnostics = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(draft.Rule))
            throw new WorkspaceException([new Diagnostic(file, 1, 1, Texts.T("segment.rule.empty", draft.Name))]);
        var yaml = SegmentCatalog.Yaml(new SegmentDefinition
        {
            Name = draft.Name,
            Rule = draft.Rule,
            File = "",
            Type = draft.Type,
            Description = draft.Description,
            Owner = draft.Owner,
            BusinessLine = string.IsNullOrWhiteSpace(draft.BusinessLine) ? "全公司" : draft.BusinessLine,
        });
        return SegmentCatalog.ParseFile(file, draft.Name, yaml, diagnostics) is { } segment && diagnostics.Count == 0
            ? (segment, yaml)
            : throw new WorkspaceException(diagnostics);
    }

    /// <summary>
    /// Checks the rule against <paramref name="usable"/> (the tags the caller may use; null: the published ones) when
    /// the workspace has data, writes the file and evaluates the segment once over the published tags.
    /// </summary>
    public static SegmentSaved Save(WorkspaceDefinition workspace, WorkspaceDatabase db, SegmentDefinition segment, string yaml,
        TagCatalog? usable, DateTime asOf, TimeProvider time, CancellationToken cancellationToken)
    {
        var catalog = PublishedCatalog.Load(db);
        var data = catalog is not null && db.TableExists("dim_person");
        if (data && new SegmentEvaluator(db, usable ?? catalog!, asOf).Check(segment) is { Count: > 0 } problems)
            throw new WorkspaceException(problems);
        Write(Path.Combine(workspace.Root, segment.File), yaml);
        if (!data)
            return new SegmentSaved(segment, segment.File, null, null);
        var pass = SegmentPass.Run(db, catalog!, [segment], asOf, SegmentPass.LatestTagRun(db).RunId, time, cancellationToken);
        if (pass.Problems.Count > 0)
            throw new WorkspaceException(pass.Problems);
        return new SegmentSaved(segment, segment.File, pass.Runs.Count > 0 ? pass.Runs[0] : null, pass.Elapsed);
    }

    /// <summary>The boards that show <paramref name="segment"/> (a declared segment a board names, or a crowd written inline in it).</summary>
    public static IReadOnlyList<string> BoardsUsing(WorkspaceDefinition workspace, string segment)
    {
        var (_, boards) = WorkspaceSegments.Load(workspace);
        return [.. boards.Boards.Where(b => b.Crowds.Any(c => c.Segment == segment)).Select(b => b.Name)];
    }

    /// <summary>Deletes the segment's file (its history of evaluations stays, for trends and audits).</summary>
    public static void Delete(WorkspaceDefinition workspace, SegmentDefinition segment)
    {
        var path = Path.Combine(workspace.Root, segment.File);
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(Texts.T("storage.write", path, e.Message), e);
        }
    }

    /// <summary>Writes the whole file or nothing: into a temp file beside it, then renamed over it, so an interruption never leaves half a file.</summary>
    public static void Write(string path, string content, System.Text.Encoding? encoding = null)
    {
        var temp = path + ".tmp-" + Environment.ProcessId + "-" + Environment.CurrentManagedThreadId;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temp, content, encoding ?? new System.Text.UTF8Encoding(false));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Best effort: the real error is the one reported.
            }
            throw new IOException(Texts.T("storage.write", path, e.Message), e);
        }
    }
}
