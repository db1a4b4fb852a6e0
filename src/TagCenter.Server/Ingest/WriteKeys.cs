using System.Security.Cryptography;
using System.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Server.Ingest;

/// <summary>
/// The Segment write keys the workspace declares: one per <c>kind: segment</c> source (<c>write_key</c>, or
/// <c>write_key_env</c> naming an environment variable). A key names the source its events go to. Keys are compared
/// in constant time so a caller cannot find a key byte by byte from response times.
/// </summary>
public sealed class WriteKeys
{
    private readonly IReadOnlyList<(byte[] Key, SourceDefinition Source)> _keys;

    public WriteKeys(WorkspaceDefinition workspace, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(environment);
        _keys = [.. workspace.Sources.Where(s => s.Kind == SourceKind.Segment)
            .Select(s => (Key: s.WriteKey ?? (s.WriteKeyEnv is { } env ? environment(env) : null), Source: s))
            .Where(k => !string.IsNullOrEmpty(k.Key))
            .Select(k => (Encoding.UTF8.GetBytes(k.Key!), k.Source))];
    }

    /// <summary>How many sources take events.</summary>
    public int Count => _keys.Count;

    /// <summary>The source <paramref name="key"/> writes to, or null for an unknown or empty key.</summary>
    public SourceDefinition? Find(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return null;
        var bytes = Encoding.UTF8.GetBytes(key);
        SourceDefinition? found = null;
        foreach (var (known, source) in _keys)
            if (CryptographicOperations.FixedTimeEquals(known, bytes))
                found ??= source;
        return found;
    }

    /// <summary>The write key of an <c>Authorization: Basic base64(key:)</c> header (the user name; the password is
    /// empty), or null when the header is absent or not Basic.</summary>
    public static string? FromBasic(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? text : text[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
