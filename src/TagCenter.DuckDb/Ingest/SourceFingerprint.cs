using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// Identifies "the same input": the file's bytes plus the source's declaration, so reloading an unchanged
/// file is skipped and changing a cleansing rule reloads it. Database sources have no fingerprint: they
/// are read afresh each time (and replace the previous rows, so nothing is duplicated either way).
/// </summary>
internal static class SourceFingerprint
{
    public static string? Of(WorkspaceDefinition workspace, SourceDefinition source)
    {
        if (source.Kind == SourceKind.Postgres || source.Path is null)
            return null;
        var path = workspace.Resolve(source.Path);
        if (!File.Exists(path))
            return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(source)));
        hash.AppendData(Encoding.UTF8.GetBytes(workspace.DefaultCountryCode));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            hash.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
