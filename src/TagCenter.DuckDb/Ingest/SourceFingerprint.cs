using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// Identifies "the same input" the way make does: the file's size and modification time, plus the source's
/// declaration, so reloading an untouched file is skipped and changing a cleansing rule reloads it. (A
/// touched but identical file is simply loaded again: loads replace, so nothing is ever duplicated.)
/// Reading the whole file to hash it would cost as much as a tenth of the load itself. Database sources
/// have no fingerprint: they are read afresh each time.
/// </summary>
internal static class SourceFingerprint
{
    public static string? Of(WorkspaceDefinition workspace, SourceDefinition source)
    {
        if (source.Kind == SourceKind.Postgres || source.Path is null)
            return null;
        var file = new FileInfo(workspace.Resolve(source.Path));
        if (!file.Exists)
            return null;
        var declaration = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(source) + "|" + workspace.DefaultCountryCode));
        return $"{file.Length}:{file.LastWriteTimeUtc.Ticks}:{Convert.ToHexStringLower(declaration)}";
    }
}
