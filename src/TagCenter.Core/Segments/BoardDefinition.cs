namespace TagCenter.Core.Segments;

/// <summary>
/// A crowd board (人群看板) from <c>boards/*.yaml</c>: an ordered list of crowds to watch together, each a
/// declared segment or a rule written inline (kept up to date like a dynamic segment).
/// </summary>
public sealed record BoardDefinition(string Name, string? Description, IReadOnlyList<BoardCrowd> Crowds, string File);

/// <summary>One crowd of a board: <see cref="Segment"/> names the segment whose runs give its sizes.</summary>
public sealed record BoardCrowd(string Name, string Segment, SegmentDefinition? Inline);
