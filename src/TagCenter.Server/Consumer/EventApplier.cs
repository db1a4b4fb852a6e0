using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Consumer;

/// <summary>What applying one batch of log records did.</summary>
public sealed record AppliedBatch(AppliedEvents Events, IReadOnlyList<EventAppendReport> Sources, long Skipped, string? IdentityRun);

/// <summary>
/// Applies a batch of log records to the engine in ONE transaction: the events become rows of their event source
/// (cleansed as a JSONL file of them would be; bad ones quarantined with the reason), <c>identify</c>/<c>alias</c>
/// identifiers join the identity graph through an incremental identity run (new identifiers attach to a person,
/// persons that now share one merge and keep the older OneID, the merge recorded in <c>identity_history</c>),
/// the fact tables follow, and the consumer's offset moves past the batch. A crash anywhere leaves all or none.
/// </summary>
internal sealed class EventApplier(WorkspaceDefinition workspace, TimeProvider time)
{
    /// <summary>The workspace definition the events are applied with.</summary>
    public WorkspaceDefinition Workspace => workspace;

    /// <summary>The identity run of the last batch that loaded rows (for tests and diagnostics: how much it touched).</summary>
    public IdentityRunReport? LastIdentity { get; private set; }

    public AppliedBatch Apply(WorkspaceDatabase db, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(records.Count);
        ConsumerOffsets.Ensure(db);
        var now = time.GetUtcNow();
        var bySource = new Dictionary<string, List<EventRow>>(StringComparer.Ordinal);
        var skipped = 0L;
        foreach (var record in records)
        {
            // A source removed from tagcenter.yaml since its events arrived: nothing to apply them to.
            if (SegmentPayload.SourceOf(record.Payload.Span) is not { } name || workspace.FindSource(name) is not { Kind: SourceKind.Segment })
            {
                skipped++;
                continue;
            }
            if (!bySource.TryGetValue(name, out var rows))
                bySource[name] = rows = [];
            rows.Add(new EventRow(record.Offset, record.Payload));
        }
        return db.InTransaction(() =>
        {
            var reports = new List<EventAppendReport>();
            foreach (var (name, rows) in bySource)
                reports.Add(EventAppender.Append(db, workspace, workspace.FindSource(name)!, rows, time));
            string? runId = null;
            IReadOnlyDictionary<string, string> merged = new Dictionary<string, string>();
            IReadOnlyCollection<string> split = [];
            if (reports.Any(r => r.Loaded > 0))
            {
                // Only the new rows are read: the cost of a batch does not grow with the events applied before it.
                var loads = reports.Where(r => r.Loaded > 0).Select(r => (workspace.FindSource(r.Source)!, r.LoadId)).ToList();
                var identity = new IdentityRunner(db, workspace, time).AppendInTransaction(loads, cancellationToken);
                runId = identity.RunId;
                LastIdentity = identity;
                merged = db.Rows("SELECT oneid, other_oneid FROM identity_history WHERE run_id = $1 AND kind = 'merged'", runId)
                    .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
                split = db.Rows("SELECT oneid, other_oneid FROM identity_history WHERE run_id = $1 AND kind = 'split'", runId)
                    .SelectMany(r => new[] { r[0] as string, r[1] as string }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            }
            var persons = runId is null ? [] : Persons(db, records, bySource.Keys);
            ConsumerOffsets.Write(db, records[^1].Offset + 1, now.UtcDateTime);
            return new AppliedBatch(new AppliedEvents(persons, records[^1].Offset, now) { Merged = merged, Split = split }, reports, skipped, runId);
        });
    }

    /// <summary>The persons the batch's rows now belong to, each with the arrival time of its earliest event.</summary>
    private static List<AppliedPerson> Persons(WorkspaceDatabase db, IReadOnlyList<LogRecord> records, IEnumerable<string> sources)
    {
        var arrived = records.ToDictionary(r => r.Offset, r => r.TimestampMs);
        var persons = new List<AppliedPerson>();
        foreach (var source in sources)
            foreach (var row in db.Rows("""
                SELECT oneid, min(line), list(line) FROM id_rows WHERE source = $1 AND line BETWEEN $2 AND $3 AND oneid IS NOT NULL GROUP BY oneid ORDER BY 2
                """, source, records[0].Offset, records[^1].Offset))
                persons.Add(new AppliedPerson((string)row[0]!, DateTimeOffset.FromUnixTimeMilliseconds(arrived[Convert.ToInt64(row[1])]))
                {
                    Lines = [.. ((System.Collections.IEnumerable)row[2]!).Cast<object>().Select(Convert.ToInt64)],
                });
        return [.. persons.GroupBy(p => p.OneId).Select(g => g.MinBy(p => p.ReceivedAt)! with { Lines = [.. g.SelectMany(p => p.Lines)] })];
    }
}
