using TagCenter.Core.Text;

namespace TagCenter.Server.Log;

/// <summary>What opening the log found in its last segment: how many whole records it kept and, after a torn
/// write or corruption, where it cut the tail and how many bytes it dropped — so the server can report it.</summary>
public sealed record LogRecovery(string Segment, long RecordsKept, long NextOffset, long CutAtPosition, long BytesDropped)
{
    /// <summary>Whether a torn or corrupt tail was cut.</summary>
    public bool Cut => BytesDropped > 0;

    /// <summary>The cut in the current language, for the server's start-up log (null when nothing was cut).</summary>
    public string? Describe() => Cut ? Texts.T("server.log.cut", Segment, CutAtPosition, BytesDropped, RecordsKept) : null;
}
