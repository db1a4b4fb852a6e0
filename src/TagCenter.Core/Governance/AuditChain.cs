using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TagCenter.Core.Governance;

/// <summary>
/// The audit log's hash chain: each row's hash is SHA-256 over the previous row's hash and the row's canonical
/// form (a JSON array of its fields in a fixed order, the time as UTC ISO-8601 to the tick), so the same row hashes
/// the same on SQLite and PostgreSQL. <see cref="Verify"/> walks the rows in order and names the first that breaks.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string prevHash, long seq, string actor, string action, string target, DateTimeOffset at, string? before, string? after)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            seq, actor, action, target, Time(at), before, after,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + "\n" + canonical)));
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first break in <paramref name="rows"/> (in the order read, which must be <c>seq</c> order): a row whose
    /// content no longer matches its hash (tampered), a missing sequence number or a previous hash that is not the
    /// row before's (deleted or reordered). Null when the chain holds. Deleting the newest rows leaves a valid
    /// shorter chain: compare <see cref="AuditVerification.Count"/> and the last hash with a copy kept elsewhere.
    /// </summary>
    public static AuditVerification Verify(IEnumerable<AuditRecord> rows)
    {
        var prev = Genesis;
        long expected = 1, count = 0;
        foreach (var row in rows)
        {
            count++;
            if (row.Seq != expected)
                return new AuditVerification(false, count - 1, prev, new AuditBreak(row.Seq, row.Seq > expected ? "missing" : "reordered", expected));
            if (row.PrevHash != prev)
                return new AuditVerification(false, count - 1, prev, new AuditBreak(row.Seq, "chain", expected));
            if (Hash(row.PrevHash, row.Seq, row.Actor, row.Action, row.Target, row.At, row.Before, row.After) != row.Hash)
                return new AuditVerification(false, count - 1, prev, new AuditBreak(row.Seq, "tampered", expected));
            prev = row.Hash;
            expected++;
        }
        return new AuditVerification(true, count, prev, null);
    }
}

/// <summary>The result of <see cref="AuditChain.Verify"/>: whether the chain holds, over how many rows, the last good hash, and the first break.</summary>
public sealed record AuditVerification(bool Valid, long Count, string LastHash, AuditBreak? Break);

/// <summary>
/// Where the chain breaks: the row (<see cref="Seq"/>) and why — <c>tampered</c> (its content changed),
/// <c>missing</c> (rows before it were deleted; <see cref="Expected"/> is the first missing number),
/// <c>reordered</c> (it appears out of place), <c>chain</c> (its previous hash is not the row before's).
/// </summary>
public sealed record AuditBreak(long Seq, string Reason, long Expected);
