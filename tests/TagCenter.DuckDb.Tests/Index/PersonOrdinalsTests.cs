using Shouldly;
using TagCenter.DuckDb.Index;

namespace TagCenter.DuckDb.Tests.Index;

public sealed class PersonOrdinalsTests : IDisposable
{
    private readonly TestWorkspace _workspace = new();

    public PersonOrdinalsTests() => _workspace.WithYaml("sources: {}");

    [Fact]
    public void Assign_AddedAndRemovedPersons_SurvivorsKeepTheirOrdinals_NothingReused()
    {
        Persons("P3", "P1", "P2");
        PersonOrdinals.Assign(_workspace.Database).ShouldBe(3);
        Ordinals().ShouldBe([("P1", 0L), ("P2", 1L), ("P3", 2L)]); // first run: OneID order

        Persons("P3", "P9", "P1", "P0"); // P2 leaves, P0 and P9 arrive
        PersonOrdinals.Assign(_workspace.Database).ShouldBe(2);
        Ordinals().ShouldBe([("P0", 3L), ("P1", 0L), ("P2", 1L), ("P3", 2L), ("P9", 4L)]); // appended after the max, in OneID order

        Persons("P2", "P1"); // P2 comes back: its old number
        PersonOrdinals.Assign(_workspace.Database).ShouldBe(0);
        Ordinals().ShouldBe([("P0", 3L), ("P1", 0L), ("P2", 1L), ("P3", 2L), ("P9", 4L)]);
    }

    private void Persons(params string[] oneids) => _workspace.Database.Execute(
        $"CREATE OR REPLACE TABLE person_tags AS SELECT * FROM (VALUES {string.Join(", ", oneids.Select(o => $"('{o}')"))}) t(oneid)");

    private List<(string, long)> Ordinals() => [.. _workspace.Rows("SELECT oneid, ordinal FROM person_ordinals ORDER BY oneid")
        .Select(r => ((string)r[0]!, Convert.ToInt64(r[1])))];

    public void Dispose() => _workspace.Dispose();
}
