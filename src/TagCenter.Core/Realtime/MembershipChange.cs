namespace TagCenter.Core.Realtime;

/// <summary>
/// A person entering or leaving a dynamic segment because of their events, as recorded (<see cref="Id"/> increases
/// with every recorded change: what a stream subscriber resumes from) and when the events that caused it arrived.
/// </summary>
public sealed record MembershipChange(long Id, string Segment, string OneId, bool Entered, DateTimeOffset At)
{
    public string Kind => Entered ? "entered" : "left";
}
