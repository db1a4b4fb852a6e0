using System.Text.RegularExpressions;
using TagCenter.Core.Text;

namespace TagCenter.Server.Log;

/// <summary>
/// Reads the log in batches from where it last committed. The engine applies a batch, then commits the offset
/// after it; a crash before the commit replays the batch on the next start (at-least-once reading, which the
/// engine makes exactly-once by applying a batch and its offset together or idempotently).
/// </summary>
public sealed partial class LogConsumer
{
    private readonly DurableLog _log;
    private readonly string _path;
    private readonly Lock _gate = new();

    /// <summary>A consumer named <paramref name="name"/> (letters, digits, <c>-</c>, <c>_</c>) of <paramref name="log"/>.</summary>
    public LogConsumer(DurableLog log, string name)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
            throw new ArgumentException(Texts.T("server.log.consumername", name), nameof(name));
        _log = log;
        Name = name;
        _path = ConsumerOffsetFile.PathOf(log.Folder, name);
        Committed = ConsumerOffsetFile.Read(_path);
        Position = Committed;
    }

    public string Name { get; }

    /// <summary>The durable offset: every record below it has been applied.</summary>
    public long Committed { get; private set; }

    /// <summary>The offset the next <see cref="ReadBatch"/> starts at (ahead of <see cref="Committed"/> while a
    /// batch is being applied).</summary>
    public long Position { get; private set; }

    /// <summary>The next batch of up to <paramref name="maxRecords"/> records (empty when caught up).</summary>
    public IReadOnlyList<LogRecord> ReadBatch(int maxRecords)
    {
        lock (_gate)
        {
            var batch = _log.Read(Position, maxRecords);
            if (batch.Count > 0)
                Position = batch[^1].Offset + 1;
            return batch;
        }
    }

    /// <summary>Durably records that every record below <paramref name="nextOffset"/> is applied.</summary>
    public void Commit(long nextOffset)
    {
        lock (_gate)
        {
            if (nextOffset < Committed || nextOffset > _log.NextOffset)
                throw new ArgumentOutOfRangeException(nameof(nextOffset), Texts.T("server.log.badcommit", nextOffset, Committed, _log.NextOffset));
            ConsumerOffsetFile.Write(_path, nextOffset);
            Committed = nextOffset;
            if (Position < nextOffset)
                Position = nextOffset;
        }
    }

    /// <summary>Commits everything read so far.</summary>
    public void Commit() => Commit(Position);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
