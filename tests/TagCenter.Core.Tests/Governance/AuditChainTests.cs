using System.Security.Cryptography;
using System.Text;
using Shouldly;
using TagCenter.Core.Governance;

namespace TagCenter.Core.Tests.Governance;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 2, 11, 4, 5, TimeSpan.FromHours(8));

    [Fact]
    public void Hash_IsSha256OfPreviousHashAndTheCanonicalRow()
    {
        // Written out by hand: previous hash, a newline, then the row as a JSON array in UTC.
        var canonical = AuditChain.Genesis + "\n" + """[1,"alice","key.create","key:k1","2026-01-02T03:04:05.0000000Z",null,"{\u0022a\u0022:1}"]""";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        AuditChain.Hash(AuditChain.Genesis, 1, "alice", "key.create", "key:k1", T0, null, "{\"a\":1}").ShouldBe(expected);
    }

    [Fact]
    public void Verify_IntactChain_IsValid()
    {
        var rows = Chain(3);
        var result = AuditChain.Verify(rows);
        result.Valid.ShouldBeTrue();
        result.Count.ShouldBe(3);
        result.LastHash.ShouldBe(rows[2].Hash);
        result.Break.ShouldBeNull();
    }

    [Fact]
    public void Verify_TamperedRow_NamesIt()
    {
        var rows = Chain(4);
        rows[1] = rows[1] with { After = "{\"role\":\"admin\"}" };
        var result = AuditChain.Verify(rows);
        result.Valid.ShouldBeFalse();
        result.Break.ShouldBe(new AuditBreak(2, "tampered", 2));
        result.Count.ShouldBe(1);
    }

    [Fact]
    public void Verify_DeletedRow_NamesTheFirstMissing()
    {
        var rows = Chain(4);
        rows.RemoveAt(1);
        AuditChain.Verify(rows).Break.ShouldBe(new AuditBreak(3, "missing", 2));
    }

    [Fact]
    public void Verify_RowsSwappedAndRenumbered_BreaksTheChain()
    {
        var rows = Chain(4);
        (rows[1], rows[2]) = (rows[2] with { Seq = 2 }, rows[1] with { Seq = 3 });
        AuditChain.Verify(rows).Break.ShouldBe(new AuditBreak(2, "chain", 2));
    }

    [Fact]
    public void Verify_RehashedTamperedRow_BreaksTheNextRow()
    {
        // Someone rewrites row 2 and recomputes its hash: row 3 still points at the old one.
        var rows = Chain(3);
        var forged = rows[1] with { Actor = "mallory" };
        rows[1] = forged with { Hash = AuditChain.Hash(forged.PrevHash, 2, "mallory", forged.Action, forged.Target, forged.At, forged.Before, forged.After) };
        AuditChain.Verify(rows).Break.ShouldBe(new AuditBreak(3, "chain", 3));
    }

    private static List<AuditRecord> Chain(int n)
    {
        var rows = new List<AuditRecord>();
        var prev = AuditChain.Genesis;
        for (var i = 1; i <= n; i++)
        {
            var at = T0.AddMinutes(i);
            var hash = AuditChain.Hash(prev, i, "u" + i, "segment.create", "segment:s" + i, at, null, "{}");
            rows.Add(new AuditRecord(i, "u" + i, "segment.create", "segment:s" + i, at, null, "{}", prev, hash));
            prev = hash;
        }
        return rows;
    }
}
