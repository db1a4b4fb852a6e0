namespace TagCenter.Core.Governance;

/// <summary>
/// One row of the append-only audit log: who did what to what, when, the state before and after (JSON), and the
/// hash chain: <see cref="Hash"/> covers <see cref="PrevHash"/> and the row, so changing, removing or reordering any
/// row breaks every hash after it.
/// </summary>
public sealed record AuditRecord(long Seq, string Actor, string Action, string Target, DateTimeOffset At, string? Before, string? After,
    string PrevHash, string Hash);
