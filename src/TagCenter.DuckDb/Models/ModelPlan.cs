namespace TagCenter.DuckDb.Models;

/// <summary>The model part of <c>plan</c>: the changes against the published models; blocked while a removal has users.</summary>
public sealed record ModelPlan(IReadOnlyList<ModelChange> Changes)
{
    public static ModelPlan Empty { get; } = new([]);

    public bool Blocked => Changes.Any(c => c.Dependents.Count > 0);
}
