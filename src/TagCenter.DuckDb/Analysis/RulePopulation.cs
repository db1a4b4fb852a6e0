using TagCenter.Core.Analysis;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Analysis;

/// <summary>
/// The persons a rule of the expression language holds for (<c>--rule</c>): the rule is compiled as a transient
/// computed bool tag beside the workspace's tags, and the persons where it is TRUE go into a temp table.
/// </summary>
public static class RulePopulation
{
    // The name shows in the compiler's messages ("tag '--rule': …"); the code is the result column.
    private const string TagName = "--rule";

    private const string TagCode = "__analysis_rule";

    /// <summary>Evaluates <paramref name="rule"/> as of <paramref name="asOf"/>; a rule that does not compile is a <see cref="WorkspaceException"/> with positions.</summary>
    public static Population Create(WorkspaceDatabase db, TagCatalog catalog, string rule, DateTime asOf, string table = "_analysis_population")
    {
        var transient = new TagDefinition
        {
            Name = TagName,
            Code = TagCode,
            Path = [],
            Kind = TagKind.Computed,
            Type = TagValueType.Bool,
            Rule = rule,
            File = "--rule",
            RuleLine = 1,
            RuleColumn = 1,
        };
        var schema = new TagRunner(db, TimeProvider.System).Schema();
        var compilation = TagCompiler.Compile(TagCatalog.From([.. catalog.Tags.Where(t => t.Name != TagName), transient]), schema, asOf, [TagName]);
        if (!compilation.Success)
            throw new WorkspaceException([.. compilation.Diagnostics.Where(d => d.File == "--rule").DefaultIfEmpty(compilation.Diagnostics[0])]);
        // $1 is the as-of time; a rule that does not read it (city = '上海') would leave $1 unused, which DuckDB
        // refuses as an unbound parameter: the filter names it.
        db.Execute($"CREATE OR REPLACE TEMP TABLE {table} AS SELECT oneid FROM ({compilation.Sql}) r WHERE r.{TagCode} IS TRUE AND CAST($1 AS TIMESTAMP) IS NOT NULL",
            [.. compilation.Parameters]);
        return Population.FromQuery($"SELECT oneid FROM {table}", rule);
    }
}
