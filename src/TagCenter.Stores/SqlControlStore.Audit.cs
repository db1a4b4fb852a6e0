using System.Data.Common;
using TagCenter.Core.Governance;

namespace TagCenter.Stores;

internal sealed partial class SqlControlStore
{
    public async Task<AuditRecord> AppendAuditAsync(string actor, string action, string target, string? before, string? after, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginAuditAsync(connection, cancellationToken).ConfigureAwait(false);
        long seq = 1;
        var prev = AuditChain.Genesis;
        await using (var last = Command(connection, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        {
            last.Transaction = transaction;
            await using var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seq = Convert.ToInt64(reader.GetValue(0)) + 1;
                prev = reader.GetString(1);
            }
        }
        var record = new AuditRecord(seq, actor, action, target, at, before, after, prev, AuditChain.Hash(prev, seq, actor, action, target, at, before, after));
        await using (var insert = Command(connection,
            "INSERT INTO audit (seq, actor, action, target, at, before_state, after_state, prev_hash, hash) VALUES (@seq, @actor, @action, @target, @at, @before, @after, @prev, @hash)",
            ("seq", seq), ("actor", actor), ("action", action), ("target", target), ("at", Time(at)), ("before", before), ("after", after),
            ("prev", prev), ("hash", record.Hash)))
        {
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Since is { } since)
        {
            where.Add("at >= @since");
            parameters.Add(("since", Time(since)));
        }
        if (query.Actor is { } actor)
        {
            where.Add("actor = @actor");
            parameters.Add(("actor", actor));
        }
        if (query.Action is { } action)
        {
            where.Add("action = @action");
            parameters.Add(("action", action));
        }
        var sql = AuditSelect + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "");
        if (query.Limit is { } limit)
        {
            sql = $"SELECT * FROM ({sql} ORDER BY seq DESC LIMIT @limit) newest";
            parameters.Add(("limit", limit));
        }
        return await QueryAsync(sql + " ORDER BY seq", ReadAudit, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    private const string AuditSelect = "SELECT seq, actor, action, target, at, before_state, after_state, prev_hash, hash FROM audit";

    private static AuditRecord ReadAudit(DbDataReader r) =>
        new(Convert.ToInt64(r.GetValue(0)), r.GetString(1), r.GetString(2), r.GetString(3), ReadTime(r, 4), StringOrNull(r, 5), StringOrNull(r, 6),
            r.GetString(7), r.GetString(8));
}
