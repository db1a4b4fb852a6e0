using System.Security.Cryptography;

namespace TagCenter.DuckDb.Storage;

/// <summary>
/// Ids for loads (L…), identity runs (I…) and tag runs (T…): they sort by time to the millisecond and
/// never collide, e.g. <c>L20261122-215930123-1a2b3c</c>.
/// </summary>
internal static class RunIds
{
    public static string Next(char kind, TimeProvider time) =>
        $"{kind}{time.GetUtcNow():yyyyMMdd-HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
