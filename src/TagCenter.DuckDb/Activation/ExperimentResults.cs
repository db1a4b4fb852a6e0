using TagCenter.Core.Activation;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Measures an experiment on the data: who was assigned when (the segment's members at <c>start</c>, or each member
/// from the evaluation they entered), their arm (<see cref="ArmAssignment"/>), and whether they reached the goal
/// within the window after assignment (an event in a fact table, or a tag value in a later run).
/// </summary>
public static class ExperimentResults
{
    public static ExperimentResult Compute(WorkspaceDatabase db, ExperimentDefinition experiment, TagCatalog? catalog)
    {
        var members = Members(db, experiment);
        // Arms are assigned here (a hash DuckDB does not share); the lists are bound as parameters, so this works on a read-only database too.
        var assigned = members.Select(m => (m.Person, m.At, Arm: ArmAssignment.Arm(experiment, m.Person))).Where(m => m.Arm is not null).ToList();
        var within = $"INTERVAL {(long)experiment.Goal.Within.TotalSeconds} SECOND";
        var (goal, goalParameters) = Goal(db, experiment.Goal, catalog, within, first: 4);
        object?[] parameters = [assigned.Select(m => m.Person).ToList(), assigned.Select(m => m.Arm!).ToList(), assigned.Select(m => m.At).ToList(), .. goalParameters];
        var counts = assigned.Count == 0 ? [] : db.Rows($"""
            WITH a AS (SELECT unnest($1::VARCHAR[]) AS oneid, unnest($2::VARCHAR[]) AS arm, unnest($3::TIMESTAMP[]) AS assigned_at)
            SELECT arm, count(*), count(*) FILTER (WHERE {goal}) FROM a GROUP BY arm
            """, parameters).ToDictionary(r => (string)r[0]!, r => new ArmCounts(Convert.ToInt64(r[1]), Convert.ToInt64(r[2])));
        var holdout = counts.GetValueOrDefault(ArmAssignment.Holdout);
        var arms = experiment.Arms.Select(a => new ArmResult(a.Name, a.Percent, counts.GetValueOrDefault(a.Name),
                ExperimentStatistics.Compare(counts.GetValueOrDefault(a.Name), holdout)))
            .Append(new ArmResult(ArmAssignment.Holdout, experiment.Holdout, holdout, null)).ToList();
        var baseline = holdout.Assigned > 0 ? holdout.Rate
            : counts.Values.Sum(c => c.Assigned) is var n and > 0 ? (double)counts.Values.Sum(c => c.Converted) / n : 0.1;
        return new ExperimentResult(experiment, members.Count, experiment.Start, arms,
            ExperimentStatistics.SampleSize(baseline, (double)experiment.MinimumDetectableEffect));
    }

    /// <summary>The segment's members with their assignment time.</summary>
    private static List<(string Person, DateTime At)> Members(WorkspaceDatabase db, ExperimentDefinition experiment)
    {
        // With a start date: the members of the evaluation in force then (stored tags are only known per run, so a
        // segment is never re-evaluated back in time here); without: each member from the evaluation they entered.
        if (experiment.Start is { } start)
            return SegmentHistory.At(db, experiment.Segment, start) is { } run
                ? [.. SegmentHistory.Members(db, experiment.Segment, run.Seq).Select(p => (p, start))]
                : [];
        if (SegmentHistory.At(db, experiment.Segment, null) is not { } latest)
            return [];
        return [.. db.Rows("""
            SELECT m.oneid, r.as_of FROM segment_members m JOIN segment_runs r ON r.segment = m.segment AND r.seq = m.from_seq
            WHERE m.segment = $1 AND m.from_seq <= $2 AND (m.to_seq IS NULL OR m.to_seq > $2) ORDER BY m.oneid
            """, experiment.Segment, latest.Seq).Select(r => ((string)r[0]!, (DateTime)r[1]!))];
    }

    /// <summary>The SQL condition "person a reached the goal within the window", and its parameters.</summary>
    private static (string Sql, object?[] Parameters) Goal(WorkspaceDatabase db, ExperimentGoal goal, TagCatalog? catalog, string within, int first)
    {
        if (goal.Event is { } name)
        {
            var fact = "fact_" + name;
            return db.TableExists(fact)
                ? ($"EXISTS (SELECT 1 FROM {SqlText.Ident(fact)} f WHERE f.oneid = a.oneid AND f.event_time > a.assigned_at AND f.event_time <= a.assigned_at + {within})", [])
                : ($"EXISTS (SELECT 1 FROM fact_events f WHERE f.oneid = a.oneid AND f.event = ${first} AND f.event_time > a.assigned_at AND f.event_time <= a.assigned_at + {within})", [name]);
        }
        var code = catalog?.Find(goal.Tag!)?.Code ?? goal.Tag!;
        if (!db.TableExists("tag_history"))
            return ("FALSE", []);
        return ($"""
            EXISTS (SELECT 1 FROM tag_history h JOIN tag_run_order o ON o.seq >= h.valid_from AND (h.valid_to IS NULL OR o.seq < h.valid_to)
                    JOIN tag_runs r ON r.run_id = o.run_id
                    WHERE h.oneid = a.oneid AND h.tag = ${first} AND h.value = ${first + 1} AND r.as_of > a.assigned_at AND r.as_of <= a.assigned_at + {within})
            """, [code, goal.Value]);
    }
}
