using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using TagCenter.Core.Text;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Ingest;

/// <summary>
/// Reads a request body with a hard cap, never buffering more than the cap (+1 byte to tell "over"): plain, or
/// <c>Content-Encoding: gzip</c> (as Segment accepts) with the cap applied to the decompressed bytes, so a small
/// zip bomb costs at most the cap. The compressed bytes are capped too. Over the cap → 413; an unknown encoding →
/// 415; a broken gzip stream → 400. The bytes are in a pooled buffer (<see cref="PooledBody"/>: a 100 KB batch per
/// request would otherwise be a large-object allocation each time), returned when the request is done.
/// </summary>
internal static class RequestBody
{
    public static async Task<PooledBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length && length > maxBytes && !IsGzip(request))
            throw TooLarge(length, maxBytes);
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            return await ReadCappedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (!encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            throw new ApiException(415, "unsupported_encoding", Texts.T("server.ingest.encoding", encoding));
        // Compressed JSON is rarely larger than the original; refuse a compressed body above the cap as well.
        using var compressed = await ReadCappedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed.Array, 0, compressed.Length), CompressionMode.Decompress);
            return await ReadCappedAsync(gzip, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ApiException(400, "invalid_gzip", Texts.T("server.ingest.gzip", e.Message));
        }
    }

    private static bool IsGzip(HttpRequest request) =>
        request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);

    private static async Task<PooledBody> ReadCappedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 64 * 1024));
        try
        {
            var used = 0;
            while (true)
            {
                if (used == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, used).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(used, Math.Min(buffer.Length, maxBytes + 1) - used), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    var body = new PooledBody(buffer, used);
                    buffer = null;   // the body owns it now
                    return body;
                }
                used += read;
                if (used > maxBytes)
                    throw TooLarge(used, maxBytes);
            }
        }
        finally
        {
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiException TooLarge(long bytes, int maxBytes) =>
        new(413, "payload_too_large", Texts.T("server.ingest.toolarge", bytes, maxBytes));
}

/// <summary>A request body in a buffer rented from the shared pool; disposing returns it (once).</summary>
internal sealed class PooledBody(byte[] array, int length) : IDisposable
{
    private byte[]? _array = array;

    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBody));

    public int Length { get; } = length;

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    public ReadOnlySpan<byte> Span => Array.AsSpan(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
            ArrayPool<byte>.Shared.Return(array);
    }
}
