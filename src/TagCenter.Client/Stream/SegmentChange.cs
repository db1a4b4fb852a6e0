namespace TagCenter.Client;

/// <summary>
/// A person entering or leaving a segment (<see cref="Kind"/> <c>entered</c> or <c>left</c>), numbered by
/// <see cref="Id"/>: pass the last one seen to resume. <c>overflow</c> means the server dropped this subscriber for
/// falling behind; <see cref="Id"/> is then the last change it sent, to resume from.
/// </summary>
public sealed record SegmentChange(long Id, string Kind, string? OneId, string Segment, DateTimeOffset? At);
