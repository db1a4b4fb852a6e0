using TagCenter.Core.Activation;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Activation;

/// <summary>A tag's coverage at one run: persons holding a value, of the population.</summary>
public sealed record CoveragePoint(int Seq, DateTime AsOf, long Persons, long Population)
{
    public double Share => Population == 0 ? 0 : (double)Persons / Population;
}

/// <summary>The goal rate of persons holding a value against those without it (the value's conversion contribution).</summary>
public sealed record ValueContribution(string Value, ArmCounts With, ArmCounts Without)
{
    public double Lift => With.Rate - Without.Rate;
}

/// <summary>标签效果评估 for one tag: usage, coverage per run, stability (mean share of persons whose value flipped between runs), contribution to a goal.</summary>
public sealed record TagEvaluationResult(TagDefinition Tag, TagUsage Usage, IReadOnlyList<CoveragePoint> Coverage, double? Stability,
    IReadOnlyList<ValueContribution> Contribution, DateTime? LastComputed);

/// <summary>
/// Evaluates tags from their history: coverage at each run, flips between consecutive runs, and, given a goal event,
/// the goal rate in the window after the latest run whose window the data covers (else the window before the latest run).
/// </summary>
public static class TagEvaluation
{
    public static TagEvaluationResult Evaluate(WorkspaceDatabase db, TagDefinition tag, TagUsage usage, string? goalEvent, TimeSpan within)
    {
        var history = new TagHistory(db);
        var runs = history.Exists ? history.Runs().Where(r => r.Tags.Contains(tag.Code)).ToList() : [];
        var population = db.TableExists("dim_person") ? db.Scalar<long>("SELECT count(*) FROM dim_person") : 0;
        var coverage = runs.Select(r => new CoveragePoint(r.Seq, r.AsOf,
            db.Scalar<long>("SELECT count(*) FROM tag_history WHERE tag = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)", tag.Code, r.Seq), population)).ToList();
        var flips = new List<double>();
        for (var i = 1; i < runs.Count; i++)
        {
            var changes = TagHistory.Changes(runs[i - 1], runs[i], [tag.Code]);
            var flipped = db.Scalar<long>($"SELECT count(*) FROM ({changes.Sql})", [.. changes.Parameters]);
            var either = db.Scalar<long>("""
                SELECT count(DISTINCT oneid) FROM tag_history
                WHERE tag = $1 AND ((valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)) OR (valid_from <= $3 AND (valid_to IS NULL OR valid_to > $3)))
                """, tag.Code, runs[i - 1].Seq, runs[i].Seq);
            flips.Add(TagStability.Share(either, flipped));
        }
        // Numbers and times hold a value per person: a rate per distinct value says nothing (segment them into an enum tag first).
        var categorical = tag.Type is not (TagValueType.Int or TagValueType.Decimal or TagValueType.Date or TagValueType.Timestamp or TagValueType.Duration);
        var contribution = goalEvent is null || runs.Count == 0 || !categorical ? [] : Contribution(db, tag, runs, goalEvent, within);
        return new TagEvaluationResult(tag, usage, coverage, flips.Count == 0 ? null : flips.Average(), contribution, runs.Count == 0 ? null : runs[^1].FinishedAt);
    }

    private static List<ValueContribution> Contribution(WorkspaceDatabase db, TagDefinition tag, IReadOnlyList<TagHistoryRun> runs, string goalEvent, TimeSpan within)
    {
        var fact = db.TableExists("fact_" + goalEvent) ? "fact_" + goalEvent : "fact_events";
        if (!db.TableExists(fact))
            return [];
        // $2 is the event's name; a fact of its own needs no filter, but the parameter keeps its slot.
        var eventFilter = fact == "fact_events" ? "AND f.event = $2" : "AND $2 IS NOT NULL";
        var lastEvent = db.Scalar<DateTime?>($"SELECT max(event_time) FROM {fact}");
        var run = runs.LastOrDefault(r => lastEvent is { } l && r.AsOf + within <= l);
        // Forward window after a run whose window the data covers; else the window before the latest run (an association, not an effect).
        var (from, to, at) = run is not null ? (run.AsOf, run.AsOf + within, run) : (runs[^1].AsOf - within, runs[^1].AsOf, runs[^1]);
        var values = TagHistory.ValuesAt(at, [tag.Code]);
        var rows = db.Rows($"""
            WITH v AS ({values.Sql}),
            p AS (SELECT d.oneid, v.value, EXISTS (SELECT 1 FROM {fact} f WHERE f.oneid = d.oneid {eventFilter} AND f.event_time > $3 AND f.event_time <= $4) AS hit
                  FROM dim_person d LEFT JOIN v ON v.oneid = d.oneid),
            top AS (SELECT value FROM p WHERE value IS NOT NULL GROUP BY value ORDER BY count(*) DESC LIMIT 12)
            SELECT t.value, count(*) FILTER (WHERE p.value = t.value), count(*) FILTER (WHERE p.value = t.value AND p.hit),
                   count(*) FILTER (WHERE p.value IS DISTINCT FROM t.value), count(*) FILTER (WHERE p.value IS DISTINCT FROM t.value AND p.hit)
            FROM top t CROSS JOIN p GROUP BY t.value ORDER BY 2 DESC
            """, at.Seq, goalEvent, from, to);
        return [.. rows.Select(r => new ValueContribution((string)r[0]!, new ArmCounts(Convert.ToInt64(r[1]), Convert.ToInt64(r[2])),
            new ArmCounts(Convert.ToInt64(r[3]), Convert.ToInt64(r[4]))))];
    }
}
