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
    {
        var fixture = new PlanFixture(c.Persons);
        var bound = PlanFixture.Bind(c.Rule);
        if (!bound.Success)
            return false.Label($"{c.Rule}: {bound.Diagnostics[0].Message}");
        var plan = PlanBuilder.Build(bound.Root, fixture.Index);
        var executor = fixture.Executor();
        var byPlan = executor.Execute(plan).ToList();
        var byEvaluator = fixture.EvaluatorSet(bound.Root).ToList();
        var label = $"{c.Rule}\nplan: [{string.Join(",", byPlan)}] evaluator: [{string.Join(",", byEvaluator)}]\n{PlanBuilder.Describe(plan)}";
        // The bound tree written back as text (how a scan reaches the compiler) means the same.
        var again = PlanFixture.Bind(BoundText.Write(bound.Root));
        var sameAgain = again.Success && fixture.EvaluatorSet(again.Root).SequenceEqual(byEvaluator);
        return (byPlan.SequenceEqual(byEvaluator) && executor.Count(plan) == byEvaluator.Count && sameAgain).Label(label + "\nagain: " + BoundText.Write(bound.Root));
    });

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
    {
        var fixture = new PlanFixture(c.Persons);
        var bound = PlanFixture.Bind(c.Rule);
        if (!bound.Success)
            return false.Label($"{c.Rule}: {bound.Diagnostics[0].Message}");
        var plan = PlanBuilder.Build(bound.Root, fixture.Index, PlanFixture.AsOf);
        var executor = fixture.Executor();
        var byPlan = executor.Execute(plan).ToList();
        var byEvaluator = fixture.EvaluatorSet(bound.Root).ToList();
        var count = executor.Count(plan);
        var label = $"{c.Rule}\nplan: [{string.Join(",", byPlan)}] count: {count} evaluator: [{string.Join(",", byEvaluator)}]\n{PlanBuilder.Describe(plan)}";
        return (byPlan.SequenceEqual(byEvaluator) && count == byEvaluator.Count).Label(label).Classify(plan is AndPlan, "AND plan");
    });
}
