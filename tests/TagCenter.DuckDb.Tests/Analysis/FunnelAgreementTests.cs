using FsCheck;
using FsCheck.Fluent;
using TagCenter.Core.Analysis;
using TagCenter.DuckDb.Analysis;

namespace TagCenter.DuckDb.Tests.Analysis;

/// <summary>The funnel SQL against <see cref="FunnelReference"/> (every chain tried) on generated logs: counts and medians agree.</summary>
public sealed class FunnelAgreementTests
{
    private static readonly string[] Names = ["a", "b", "c", "d"];

    private sealed record Case((string? OneId, string Event, DateTime Time)[] Log, string[] Steps, TimeSpan Within, DateTime? From, DateTime? To);

    // Times on a coarse grid (whole hours over 12 days) so equal times, repeats and out-of-order steps are common.
    private static Gen<Case> Cases() =>
        from events in Gen.ListOf(from p in Gen.Choose(0, 8)
                                  from e in Gen.Elements(Names)
                                  from h in Gen.Choose(0, 12 * 24)
                                  select (p == 0 ? null : $"p{p}", e, AnalysisLog.Day0.AddHours(h)))
        from n in Gen.Choose(2, 4)
        from steps in Gen.ArrayOf(Gen.Elements(Names), n)
        from hours in Gen.Choose(1, 96)
        from range in Gen.Elements(false, true)
        from start in Gen.Choose(0, 6)
        from days in Gen.Choose(1, 6)
        select new Case([.. events.Take(60)], steps, TimeSpan.FromHours(hours),
            range ? AnalysisLog.At(start) : null, range ? AnalysisLog.At(start + days) : null);

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Sql_agrees_with_the_reference() => Prop.ForAll(Cases().ToArbitrary(), c =>
    {
        using var log = new AnalysisLog().Events(c.Log);
        var request = new FunnelRequest(c.Steps, c.Within) { From = c.From, To = c.To };
        var (persons, medians) = FunnelReference.Run(c.Log, c.Steps, c.Within, c.From, c.To);
        if (!c.Log.Any(e => e.OneId is not null && e.Event == c.Steps[0]) || c.Steps.Any(s => !c.Log.Any(e => e.Event == s)))
            return true.ToProperty(); // an unknown step is an error (tested by hand)
        var sql = FunnelQuery.Run(log.Database, request).Total.Steps;
        var same = sql.Select(s => s.Persons).SequenceEqual(persons)
            && sql.Select(s => s.MedianFromPrevious?.TotalSeconds).Zip(medians).All(m => m.First is null ? m.Second is null : m.Second is { } r && Math.Abs(m.First.Value - r) < 1e-6);
        return same.Label($"sql {string.Join(",", sql.Select(s => $"{s.Persons}/{s.MedianFromPrevious?.TotalSeconds}"))} reference {string.Join(",", persons.Zip(medians, (p, m) => $"{p}/{m}"))}");
    });
}
