using System.Security.Cryptography;

namespace TagCenter.DuckDb.Ingest;

/// <summary>Load ids sort by time and never collide: <c>L20261122-215930-1a2b3c</c>.</summary>
internal static class LoadIds
{
    public static string Next(TimeProvider time) =>
        $"L{time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
