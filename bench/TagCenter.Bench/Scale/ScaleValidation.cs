using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>Proves the scaled workspace right, printing each figure; any mismatch throws (the run fails, no <c>.ready</c>).</summary>
internal static class ScaleValidation
{
    public static void Check(WorkspaceDatabase db, ScaleOptions options, PersonClones clones, SourceCounts source, long sourceNonPersons)
    {
        Console.WriteLine("validation:");
        Equal("persons in person_tags (rows)", db.Scalar<long>("SELECT count(*) FROM person_tags"), options.Persons);
        Equal("persons in person_tags (distinct oneid)", db.Scalar<long>("SELECT count(DISTINCT oneid) FROM person_tags"), options.Persons);
        Equal("identity_oneids that are persons (in person_tags)",
            db.Scalar<long>("SELECT count(DISTINCT i.oneid) FROM identity_oneids i SEMI JOIN person_tags p ON p.oneid = i.oneid"), options.Persons);
        Equal($"identity_oneids rows (persons + the source's {sourceNonPersons} other OneIDs: stores)",
            db.Scalar<long>("SELECT count(*) FROM identity_oneids"), options.Persons + sourceNonPersons);
        var map = db.Rows("SELECT count(*), count(DISTINCT value), count(DISTINCT node), count(DISTINCT oneid) FROM identity_map")[0];
        Equal("identity_map distinct values = rows", Convert.ToInt64(map[1]), Convert.ToInt64(map[0]));
        Equal("identity_map distinct nodes = rows", Convert.ToInt64(map[2]), Convert.ToInt64(map[0]));
        Equal("identity_map distinct oneids (persons + others)", Convert.ToInt64(map[3]), options.Persons + sourceNonPersons);
        Equal("person_ordinals dense 0..N-1 (max + 1)", db.Scalar<long>("SELECT max(ordinal) + 1 FROM person_ordinals"), options.Persons);
        var whole = clones.Copies - 1;
        var (tagsIndex, tagsSql) = ScaleRules.Count(db, options.Out, ScaleRules.Tags, sql: true);
        var tagsExpected = (whole * source.TagsAll) + source.TagsKept;
        Console.WriteLine($"  rule [{ScaleRules.Tags}]: source {source.TagsAll:N0}, kept in the last clone {source.TagsKept:N0}; expected {whole} × {source.TagsAll:N0} + {source.TagsKept:N0} = {tagsExpected:N0}");
        Equal("  counted on the index", tagsIndex, tagsExpected);
        Equal("  counted in SQL", tagsSql!.Value, tagsExpected);
        // Clones without facts (--facts below 1) count the rule as persons who never ordered.
        var (behaviour, _) = ScaleRules.Count(db, options.Out, ScaleRules.Behaviour, sql: false);
        var wholeWithFacts = clones.FactClones - (clones.LastCarriesFacts ? 1 : 0);
        var behaviourExpected = (wholeWithFacts * source.BehaviourAll) + ((whole - wholeWithFacts) * source.FactlessAll)
            + (clones.LastCarriesFacts ? source.BehaviourKept : source.FactlessKept);
        Console.WriteLine($"  rule [{ScaleRules.Behaviour}]: source {source.BehaviourAll:N0} (kept {source.BehaviourKept:N0}), without facts {source.FactlessAll:N0} (kept {source.FactlessKept:N0});");
        Console.WriteLine($"    expected {wholeWithFacts} whole clones with facts × {source.BehaviourAll:N0} + {whole - wholeWithFacts} without × {source.FactlessAll:N0} + the last clone's {(clones.LastCarriesFacts ? source.BehaviourKept : source.FactlessKept):N0} = {behaviourExpected:N0}");
        Equal("  counted on the index (did() in SQL)", behaviour, behaviourExpected);
    }

    private static void Equal(string what, long actual, long expected)
    {
        Console.WriteLine($"  {what}: {actual:N0}{(actual == expected ? " ✓" : $" ≠ expected {expected:N0}")}");
        if (actual != expected)
            throw new InvalidOperationException($"validation failed: {what} = {actual:N0}, expected {expected:N0}");
    }
}
