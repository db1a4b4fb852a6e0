using TagCenter.Core.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>One crowd on a board: its size at the latest evaluation, at the one before, and a week before (by data as-of).</summary>
public sealed record BoardRow(string Crowd, string Segment, SegmentRun? Latest, long? Previous, long? WeekAgo)
{
    public long? Change => Latest is null || Previous is null ? null : Latest.Size - Previous;

    public long? WeekChange => Latest is null || WeekAgo is null ? null : Latest.Size - WeekAgo;
}

/// <summary>The figures of a crowd board, read from the segments' runs: nothing is recomputed to show a board.</summary>
public static class BoardFigures
{
    public static IReadOnlyList<BoardRow> Of(WorkspaceDatabase db, BoardDefinition board) => [.. board.Crowds.Select(crowd =>
    {
        var runs = SegmentHistory.Runs(db, crowd.Segment);
        if (runs.Count == 0)
            return new BoardRow(crowd.Name, crowd.Segment, null, null, null);
        var latest = runs[^1];
        var previous = runs.Count > 1 ? runs[^2].Size : (long?)null;
        var weekAgo = SegmentHistory.InForce(runs, latest.AsOf.AddDays(-7))?.Size;
        return new BoardRow(crowd.Name, crowd.Segment, latest, previous, weekAgo);
    })];
}
