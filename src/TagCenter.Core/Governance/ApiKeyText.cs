using System.Security.Cryptography;
using System.Text;

namespace TagCenter.Core.Governance;

/// <summary>
/// API keys: 32 random bytes, base64url, prefixed <c>tc_</c> so a leaked key is recognisable in logs and by secret
/// scanners. Only a SHA-256 of the key is stored: with 256 bits of entropy no dictionary or brute force applies, so
/// a slow password hash would only slow every request down; the store alone never yields a usable key.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "tc_";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Prefix + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What lists show of a key: its first characters, enough to tell keys apart, useless to call with.</summary>
    public static string Display(string key) => key.Length <= 10 ? key : key[..10] + "…";
}
