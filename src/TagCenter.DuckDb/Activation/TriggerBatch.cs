using System.Globalization;
using Cronos;
using TagCenter.Core.Activation;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Activation;

/// <summary>What a batch evaluation did: rule segments evaluated, changes read, and what was enqueued.</summary>
public sealed record BatchReport(int RuleSegments, int Changes, EnqueueReport Enqueued, int SegmentAlerts, int Pushes);

/// <summary>
/// The batch path after a tag run: rule triggers' rules are evaluated as segments (so "true now, not at the previous
/// run" is "entered"), then the changes recorded since the last evaluation (segment entered/left, tag values) are read
/// from segment and tag history and handed to the <see cref="TriggerEngine"/>; size alerts compare a segment's last two
/// evaluations; scheduled pushes fire when their cron time has come. Bookmarks in the store remember what was read,
/// and the outbox keys make reading the same run twice harmless.
/// </summary>
public static class TriggerBatch
{
    public static BatchReport Evaluate(WorkspaceDatabase db, TagCatalog? catalog, TriggerEngine engine, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var store = engine.Store;
        var ruleSegments = EvaluateRules(db, catalog, engine.Triggers, time, cancellationToken);
        var changes = new List<PersonChange>();
        var watched = engine.Triggers.Where(t => t.When.Kind is TriggerKind.Enters or TriggerKind.Leaves).Select(t => t.When.Segment!)
            .Concat(engine.Triggers.Where(t => t.When.Kind == TriggerKind.Rule).Select(t => TriggerOccurrences.RuleSegment(t.Name)))
            .Concat(engine.Experiments.Select(e => e.Segment)).Distinct();
        foreach (var segment in watched)
            changes.AddRange(SegmentChanges(db, store, segment));
        var codes = new Dictionary<string, string>();
        foreach (var tag in engine.Triggers.Where(t => t.When.Kind == TriggerKind.Crosses).Select(t => t.When.Tag!).Distinct())
            if (catalog?.Find(tag) is { } definition)
            {
                codes[definition.Code] = definition.Name;
                changes.AddRange(TagChanges(db, store, definition.Code));
            }
        var report = engine.OnChanges(changes, code => codes.GetValueOrDefault(code, code));
        var alerts = 0;
        foreach (var trigger in engine.Triggers.Where(t => t.When.Kind == TriggerKind.SizeChange))
            foreach (var (run, previous) in NewRuns(db, store, "size:" + trigger.Name, trigger.When.Segment!))
                if (previous is not null && TriggerOccurrences.SizeAlert(trigger.When, previous.Size, run.Size) is { } percent)
                {
                    alerts++;
                    report = report.Plus(engine.Enqueue(trigger, new Occurrence(trigger.Name, "", "s" + run.Seq, Utc(run.EvaluatedAt),
                        $"{trigger.When.Segment} {percent:+0.##;-0.##}%: {previous.Size} → {run.Size}"),
                        new Dictionary<string, object?> { ["segment"] = run.Segment, ["before"] = previous.Size, ["after"] = run.Size, ["percent"] = percent }));
                }
        var pushes = 0;
        foreach (var trigger in engine.Triggers.Where(t => t.When.Kind == TriggerKind.Schedule))
            if (Push(db, engine, trigger, time) is { } pushed)
            {
                pushes++;
                report = report.Plus(pushed);
            }
        return new BatchReport(ruleSegments, changes.Count, report, alerts, pushes);
    }

    /// <summary>Evaluates the rule triggers' rules as segments, unless they were already evaluated over the latest tag run.</summary>
    private static int EvaluateRules(WorkspaceDatabase db, TagCatalog? catalog, IReadOnlyList<TriggerDefinition> triggers, TimeProvider time, CancellationToken cancellationToken)
    {
        var rules = triggers.Where(t => t.When.Kind == TriggerKind.Rule).ToList();
        var (runId, asOf) = SegmentPass.LatestTagRun(db);
        if (rules.Count == 0 || catalog is null || asOf is null)
            return 0;
        var latest = SegmentHistory.Latest(db);
        var due = rules.Where(t => latest.GetValueOrDefault(TriggerOccurrences.RuleSegment(t.Name))?.TagRun != runId)
            .Select(t => new SegmentDefinition
            {
                Name = TriggerOccurrences.RuleSegment(t.Name),
                Rule = t.When.Rule!,
                File = t.File,
                RuleLine = t.When.RuleLine,
                RuleColumn = t.When.RuleColumn,
            }).ToList();
        if (due.Count == 0)
            return 0;
        var pass = SegmentPass.Run(db, catalog, due, asOf.Value, runId, time, cancellationToken);
        if (pass.Problems.Count > 0)
            throw new Core.Diagnostics.WorkspaceException(pass.Problems);
        return pass.Runs.Count;
    }

    /// <summary>Entered/left of <paramref name="segment"/> at each evaluation not read yet (the first time: only the latest).</summary>
    private static List<PersonChange> SegmentChanges(WorkspaceDatabase db, IActivationStore store, string segment)
    {
        var changes = new List<PersonChange>();
        foreach (var (run, _) in NewRuns(db, store, "segment:" + segment, segment))
        {
            var at = Utc(run.EvaluatedAt);
            foreach (var row in db.Rows("SELECT oneid, from_seq = $2 FROM segment_members WHERE segment = $1 AND (from_seq = $2 OR to_seq = $2) ORDER BY oneid",
                segment, run.Seq))
                changes.Add(new PersonChange((string)row[0]!, (bool)row[1]! ? ChangeKind.Entered : ChangeKind.Left, segment, null, null, at, "s" + run.Seq));
        }
        return changes;
    }

    /// <summary>The evaluations of <paramref name="segment"/> after the bookmark (each with the one before it), and moves the bookmark.</summary>
    private static List<(SegmentRun Run, SegmentRun? Previous)> NewRuns(WorkspaceDatabase db, IActivationStore store, string bookmark, string segment)
    {
        var runs = SegmentHistory.Runs(db, segment);
        if (runs.Count == 0)
            return [];
        var mark = store.Bookmark(bookmark) is { } m ? long.Parse(m, CultureInfo.InvariantCulture) : runs[^1].Seq - 1;
        var result = runs.Select((r, i) => (Run: r, Previous: i == 0 ? null : runs[i - 1])).Where(p => p.Run.Seq > mark).ToList();
        store.SetBookmark(bookmark, runs[^1].Seq.ToString(CultureInfo.InvariantCulture));
        return result;
    }

    /// <summary>Value changes of tag <paramref name="code"/> at each run not read yet (the first time: only the latest run).</summary>
    private static List<PersonChange> TagChanges(WorkspaceDatabase db, IActivationStore store, string code)
    {
        var history = new TagHistory(db);
        var runs = history.Runs().Where(r => r.Tags.Contains(code)).ToList();
        if (runs.Count == 0)
            return [];
        var bookmark = "tag:" + code;
        var mark = store.Bookmark(bookmark) is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : runs[^1].Seq - 1;
        var changes = new List<PersonChange>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Seq <= mark)
                continue;
            var at = Utc(runs[i].FinishedAt);
            var command = i == 0 ? TagHistory.ValuesAt(runs[i], [code]) : TagHistory.Changes(runs[i - 1], runs[i], [code]);
            foreach (var row in db.Rows(command.Sql, [.. command.Parameters]))
                changes.Add(i == 0
                    ? new PersonChange((string)row[0]!, ChangeKind.TagChanged, code, null, (string?)row[2], at, "r" + runs[i].RunId)
                    : new PersonChange((string)row[0]!, ChangeKind.TagChanged, code, (string?)row[2], (string?)row[3], at, "r" + runs[i].RunId));
        }
        store.SetBookmark(bookmark, runs[^1].Seq.ToString(CultureInfo.InvariantCulture));
        return changes;
    }

    /// <summary>A scheduled push whose cron time has come since the last one (the first: now): the segment in full, or who entered and left since the last push.</summary>
    private static EnqueueReport? Push(WorkspaceDatabase db, TriggerEngine engine, TriggerDefinition trigger, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var store = engine.Store;
        var key = "push:" + trigger.Name;
        var last = store.Bookmark(key) is { } l ? DateTimeOffset.Parse(l, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        var cron = CronExpression.Parse(trigger.When.Cron!);
        var tick = last is null ? now : cron.GetNextOccurrence(last.Value, time.LocalTimeZone);
        if (tick is null || tick > now || SegmentHistory.At(db, trigger.When.Segment!, null) is not { } run)
            return null;
        var seqKey = "pushseq:" + trigger.Name;
        var since = store.Bookmark(seqKey) is { } s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
        var data = new Dictionary<string, object?> { ["segment"] = run.Segment, ["seq"] = run.Seq, ["mode"] = trigger.When.Mode.ToString().ToLowerInvariant() };
        if (trigger.When.Mode == PushMode.Full || since == 0)
            data["members"] = SegmentHistory.Members(db, run.Segment, run.Seq);
        else
        {
            data["entered"] = Column(db, "SELECT oneid FROM segment_members WHERE segment = $1 AND from_seq > $2 AND from_seq <= $3 ORDER BY oneid", run.Segment, since, run.Seq);
            data["left"] = Column(db, "SELECT oneid FROM segment_members WHERE segment = $1 AND to_seq > $2 AND to_seq <= $3 ORDER BY oneid", run.Segment, since, run.Seq);
        }
        var id = "t" + tick.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var report = engine.Enqueue(trigger, new Occurrence(trigger.Name, "", id, now, $"{run.Segment} #{run.Seq} ({data["mode"]})"), data);
        store.SetBookmark(key, now.ToString("O", CultureInfo.InvariantCulture));
        store.SetBookmark(seqKey, run.Seq.ToString(CultureInfo.InvariantCulture));
        return report;
    }

    private static List<string> Column(WorkspaceDatabase db, string sql, params object?[] parameters) => [.. db.Rows(sql, parameters).Select(r => (string)r[0]!)];

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
