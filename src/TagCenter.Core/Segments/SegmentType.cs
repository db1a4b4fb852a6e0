namespace TagCenter.Core.Segments;

/// <summary>Whether a segment follows the data (dynamic) or keeps the members it had when it was created (static).</summary>
public enum SegmentType
{
    /// <summary>Re-evaluated after every tag run: members enter and leave as their tags change.</summary>
    Dynamic,

    /// <summary>Evaluated once, when created; its members are frozen (a snapshot list for a campaign).</summary>
    Static,
}
