using TagCenter.Core.Fields;

namespace TagCenter.DuckDb.Fields;

/// <summary>The inventory's fields, table by table in column order, and how long measuring them took.</summary>
public sealed record FieldInventoryReport(IReadOnlyList<FieldProfile> Fields, TimeSpan Elapsed)
{
    public int Tables => Fields.Select(f => f.Table).Distinct(StringComparer.Ordinal).Count();

    public int Count(FieldClass c) => Fields.Count(f => f.Class == c);
}
