using System.Buffers;

namespace TagCenter.Core.Bitmaps;

/// <summary>
/// Buffers of one container's words (8 KB) from the shared array pool: a count at 10M persons sets out a dozen of
/// them, and taking them anew each time made a gen0 collection every few dozen counts. A rented buffer holds old
/// words: the renter sets every word before reading it. The pool's buckets are powers of two, so a buffer is exactly
/// <see cref="Container.BitsetWords"/> long, which the word kernels rely on; another length is not used.
/// </summary>
internal static class WordBuffers
{
    public static ulong[] Rent()
    {
        var buffer = ArrayPool<ulong>.Shared.Rent(Container.BitsetWords);
        return buffer.Length == Container.BitsetWords ? buffer : new ulong[Container.BitsetWords];
    }

    public static void Return(ulong[] buffer) => ArrayPool<ulong>.Shared.Return(buffer);
}
