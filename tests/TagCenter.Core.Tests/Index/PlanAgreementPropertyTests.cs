using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// On random populations and random rules, the bitmap plan run on a naive index selects exactly the persons for
/// whom the in-memory evaluator says the rule is TRUE (not false, not null), and its count is that many.
/// </summary>
public sealed class PlanAgreementPropertyTests
{
    private static Gen<(IReadOnlyDictionary<string, object?>[] Persons, string Rule)> Cases() =>
        from persons in Gen.NonEmptyListOf(RuleGen.Person())
        from depth in Gen.Choose(0, 3)
        from rule in RuleGen.Rule(depth)
        select (persons.Take(40).ToArray(), rule);

    [FsCheck.Xunit.Property(MaxTest = 1500)]
    public Property Plan_SelectsExactlyWhereEvaluatorIsTrue() => Prop.ForAll(Cases().ToArbitrary(), c =>
        Agrees(new PlanFixture(c.Persons), c.Rule, asOf: null, writtenBack: true));

    private static Gen<(PersonData[] Persons, string Rule)> AgeDidCases() =>
        from persons in Gen.NonEmptyListOf(AgeDidGen.Person())
        from depth in Gen.Choose(0, 3)
        from rule in AgeDidGen.Rule(depth)
        select (persons.Take(40).ToArray(), rule);

    /// <summary>
    /// With <c>age</c> answered from the birthday column and <c>did(…)</c> from the activity columns (the plan built
    /// at their anchor), the plan's persons and its count (a conjunction's count is fused:
    /// <see cref="IndexPlanExecutor.Count"/>) are the evaluator's TRUE set over the birthdays and fact rows.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Plan_WithAgeAndDid_SelectsExactlyWhereEvaluatorIsTrue() => Prop.ForAll(AgeDidCases().ToArbitrary(), c =>
        Agrees(new PlanFixture(c.Persons), c.Rule, PlanFixture.AsOf, writtenBack: false));

    /// <summary>As above with the age column at the as-of, which then answers <c>age</c> (in place of the birthday).</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Plan_WithTheAgeColumnAndDid_SelectsExactlyWhereEvaluatorIsTrue() => Prop.ForAll(AgeDidCases().ToArbitrary(), c =>
        Agrees(new PlanFixture(c.Persons, ageColumn: true), c.Rule, PlanFixture.AsOf, writtenBack: false));

    /// <summary>
    /// The plan of <paramref name="rule"/> (built at <paramref name="asOf"/>, when the index's columns are anchored
    /// there) selects and counts exactly the evaluator's TRUE set; with <paramref name="writtenBack"/>, the bound tree
    /// written back as text (how a scan reaches the compiler) means the same.
    /// </summary>
    private static Property Agrees(PlanFixture fixture, string rule, DateTime? asOf, bool writtenBack)
    {
        var bound = PlanFixture.Bind(rule);
        if (!bound.Success)
            return false.Label($"{rule}: {bound.Diagnostics[0].Message}");
        var plan = PlanBuilder.Build(bound.Root, fixture.Index, asOf);
        var executor = fixture.Executor();
        var byPlan = executor.Execute(plan).ToList();
        var byEvaluator = fixture.EvaluatorSet(bound.Root).ToList();
        var count = executor.Count(plan);
        var label = $"{rule}\nplan: [{string.Join(",", byPlan)}] count: {count} evaluator: [{string.Join(",", byEvaluator)}]\n{PlanBuilder.Describe(plan)}";
        var again = writtenBack ? PlanFixture.Bind(BoundText.Write(bound.Root)) : null;
        var sameAgain = again is null || (again.Success && fixture.EvaluatorSet(again.Root).SequenceEqual(byEvaluator));
        return (byPlan.SequenceEqual(byEvaluator) && count == byEvaluator.Count && sameAgain)
            .Label(label + (writtenBack ? "\nagain: " + BoundText.Write(bound.Root) : "")).Classify(plan is AndPlan, "AND plan");
    }
}
