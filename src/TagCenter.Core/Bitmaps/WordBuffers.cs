using System.Collections.Concurrent;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// Buffers of one container's words (8 KB), kept for reuse: a count at 10M persons sets out a dozen of them, and
/// taking them anew each time made a gen0 collection every few dozen counts. A rented buffer holds old words: the
/// renter sets every word before reading it.
/// </summary>
internal static class WordBuffers
{
    private const int Kept = 256;

    private static readonly ConcurrentBag<ulong[]> Free = [];

    public static ulong[] Rent() => Free.TryTake(out var buffer) ? buffer : new ulong[Container.BitsetWords];

    public static void Return(ulong[] buffer)
    {
        if (Free.Count < Kept)
            Free.Add(buffer);
    }
}
