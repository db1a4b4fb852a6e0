using System.Runtime.InteropServices;

namespace TagCenter.Server.Ingest;

/// <summary>
/// Remembers messageIds for at least <see cref="Window"/> so a retried batch (SDKs resend the same ids after a
/// timeout or a 5xx) is not applied twice. Ids live in time buckets (window / bucket count wide); whole buckets
/// are dropped once older than the window, so memory is bounded by the ids of one window plus one bucket, and
/// by <c>maxIds</c> (the oldest bucket goes early when that is reached; <see cref="EvictedEarly"/> counts it).
/// Not persisted itself: <see cref="MessageIdRebuild"/> refills it from the log's recent records on start.
/// While the write that took an id is unfinished, the id also keeps that write's task (<see cref="Claim"/>), so a retry
/// racing the first request is acknowledged only once that write is durable, and fails when it fails; once it is
/// durable (<see cref="Written"/>) the task is let go. Ids are held as 128-bit hashes (XXH128; a collision among 10M
/// ids has odds of about 10⁻²⁵): ~90 bytes an id and no object of its own for the garbage collector to trace, where
/// a string of each id took ~155 (<c>TagCenter.Bench message-ids</c>). Thread-safe.
/// </summary>
public sealed class MessageIdWindow
{
    private readonly TimeProvider _time;
    private readonly long _bucketMs;
    private readonly int _buckets;
    private readonly int _maxIds;
    private readonly SortedDictionary<long, List<UInt128>> _byBucket = [];
    private readonly Dictionary<UInt128, long> _bucketOf = [];
    private readonly Dictionary<UInt128, Task> _unfinished = [];
    private readonly Lock _gate = new();
    private long _expiredFor = long.MinValue;   // the bucket "now" was in when Expire last ran

    public MessageIdWindow(TimeProvider time, TimeSpan? window = null, int buckets = 24, int maxIds = 10_000_000)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIds);
        Window = window ?? TimeSpan.FromHours(24);
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, TimeSpan.FromMilliseconds(buckets));
        _time = time;
        _buckets = buckets;
        _bucketMs = (long)Math.Ceiling(Window.TotalMilliseconds / buckets);
        _maxIds = maxIds;
    }

    public TimeSpan Window { get; }

    public int Count
    {
        get { lock (_gate) { Expire(Now); return _bucketOf.Count; } }
    }

    /// <summary>Ids whose write is still unfinished (each keeps that write's task).</summary>
    public int Unfinished
    {
        get { lock (_gate) return _unfinished.Count; }
    }

    /// <summary>Ids dropped before their window ended because <c>maxIds</c> was reached.</summary>
    public long EvictedEarly { get; private set; }

    /// <summary>Records <paramref name="messageId"/> as seen now; false when it was already seen within the window.</summary>
    public bool TryAdd(string messageId) => TryAdd(messageId, _time.GetUtcNow());

    /// <summary>Records an id seen at <paramref name="seenAt"/> (used when rebuilding from the log); false when known.</summary>
    public bool TryAdd(string messageId, DateTimeOffset seenAt) => Claim(MessageKey.Of(messageId), Task.CompletedTask, seenAt) is null;

    /// <summary>
    /// Takes <paramref name="messageId"/> for a write that completes <paramref name="written"/> once durable: null
    /// when the id is new (the caller writes it, and calls <see cref="Forget"/> if the write fails), else the task of
    /// the write that took it first — completed when that write is durable, faulted when it failed. The caller tells
    /// <see cref="Written"/> once the write is durable.
    /// </summary>
    public Task? Claim(MessageKey messageId, Task written) => Claim(messageId, written, _time.GetUtcNow());

    private Task? Claim(MessageKey key, Task written, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(written);
        var id = key.Hash;
        lock (_gate)
        {
            var now = Now;
            Expire(now);
            var bucket = Math.Min(seenAt.ToUnixTimeMilliseconds(), now) / _bucketMs;
            if (bucket >= now / _bucketMs - _buckets && _bucketOf.Count < _maxIds)
            {
                // The usual case, one hash lookup: take the id unless it is known.
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_bucketOf, id, out var exists);
                if (exists)
                    return WrittenBy(id);
                entry = bucket;
                Take(id, bucket, written);
                return null;
            }
            if (_bucketOf.ContainsKey(id))
                return WrittenBy(id);
            if (bucket < now / _bucketMs - _buckets)
                return null;   // seen before the window: nothing to remember
            while (_bucketOf.Count >= _maxIds && _byBucket.Count > 0)
                EvictedEarly += Drop(_byBucket.First().Key);
            _bucketOf[id] = bucket;
            Take(id, bucket, written);
            return null;
        }
    }

    private void Take(UInt128 id, long bucket, Task written)
    {
        Ids(bucket).Add(id);
        if (!written.IsCompletedSuccessfully)
            _unfinished[id] = written;
    }

    private Task WrittenBy(UInt128 id) => _unfinished.GetValueOrDefault(id) ?? Task.CompletedTask;

    /// <summary>The write that took <paramref name="messageIds"/> is durable: their task is let go (a repeat is simply a duplicate now).</summary>
    public void Written(IEnumerable<MessageKey> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        lock (_gate)
            foreach (var messageId in messageIds)
                _unfinished.Remove(messageId.Hash);
    }

    public bool Contains(string messageId)
    {
        var id = MessageKey.Of(messageId).Hash;
        lock (_gate)
        {
            Expire(Now);
            return _bucketOf.ContainsKey(id);
        }
    }

    /// <summary>Forgets an id (its append failed, so a retry must go through).</summary>
    public void Forget(MessageKey messageId)
    {
        var id = messageId.Hash;
        lock (_gate)
        {
            _bucketOf.Remove(id);   // its bucket's list keeps the id; Drop skips ids no longer in that bucket
            _unfinished.Remove(id);
        }
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // A bucket b holds ids seen in [b·w, (b+1)·w); it is dropped once now is in bucket b + buckets + 1 or later,
    // i.e. more than buckets·w = Window after its last possible id.
    private void Expire(long now)
    {
        if (now / _bucketMs == _expiredFor)
            return;   // nothing can have expired since the last look (the clock only moves on within a bucket)
        _expiredFor = now / _bucketMs;
        var first = now / _bucketMs - _buckets;
        while (_byBucket.Count > 0 && _byBucket.First().Key < first)
            Drop(_byBucket.First().Key);
    }

    /// <summary>Drops a bucket; returns how many ids it still held.</summary>
    private int Drop(long bucket)
    {
        var dropped = 0;
        foreach (var id in _byBucket[bucket])
            if (_bucketOf.TryGetValue(id, out var held) && held == bucket)
            {
                _bucketOf.Remove(id);
                _unfinished.Remove(id);
                dropped++;
            }
        _byBucket.Remove(bucket);
        return dropped;
    }

    /// <summary>The ids taken in a bucket (a list: an id forgotten and taken again may be in it twice).</summary>
    private List<UInt128> Ids(long bucket)
    {
        if (!_byBucket.TryGetValue(bucket, out var ids))
            _byBucket[bucket] = ids = [];
        return ids;
    }
}
