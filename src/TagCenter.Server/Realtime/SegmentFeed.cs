using System.Threading.Channels;
using TagCenter.Core.Realtime;

namespace TagCenter.Server.Realtime;

/// <summary>
/// Fans the recorded segment changes out to the subscribers of each segment. Each subscriber has a bounded queue of
/// its own; publishing never waits: a subscriber whose queue is full is marked overflowed and closed, so one slow
/// client never holds up the others or the real-time path (it reconnects with <c>Last-Event-ID</c> and resumes from
/// the recorded changes).
/// </summary>
public sealed class SegmentFeed(RealtimeOptions options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Subscription>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Starts receiving the changes of <paramref name="segment"/> published from now on.</summary>
    public Subscription Subscribe(string segment)
    {
        var subscription = new Subscription(this, segment, Channel.CreateBounded<MembershipChange>(new BoundedChannelOptions(options.SubscriberCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full: we drop the subscriber rather than wait
        }));
        lock (_lock)
        {
            if (!_subscribers.TryGetValue(segment, out var list))
                _subscribers[segment] = list = [];
            list.Add(subscription);
        }
        return subscription;
    }

    /// <summary>How many subscribers a segment has.</summary>
    public int Subscribers(string segment)
    {
        lock (_lock)
            return _subscribers.TryGetValue(segment, out var list) ? list.Count : 0;
    }

    /// <summary>Hands each change to the subscribers of its segment, in order, without waiting for any.</summary>
    public void Publish(IReadOnlyList<MembershipChange> changes)
    {
        if (changes.Count == 0)
            return;
        lock (_lock)
        {
            foreach (var change in changes)
            {
                if (!_subscribers.TryGetValue(change.Segment, out var list))
                    continue;
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i].Channel.Writer.TryWrite(change))
                        continue;
                    list[i].Overflow();
                    list.RemoveAt(i);
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            if (_subscribers.TryGetValue(subscription.Segment, out var list))
                list.Remove(subscription);
        }
    }

    /// <summary>One subscriber's queue of changes; disposing it unsubscribes.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly SegmentFeed _stream;

        internal Subscription(SegmentFeed stream, string segment, Channel<MembershipChange> channel)
        {
            _stream = stream;
            Segment = segment;
            Channel = channel;
        }

        public string Segment { get; }

        internal Channel<MembershipChange> Channel { get; }

        public ChannelReader<MembershipChange> Reader => Channel.Reader;

        /// <summary>Whether the subscriber fell too far behind and was dropped (its reader completes after what it holds).</summary>
        public bool Overflowed { get; private set; }

        internal void Overflow()
        {
            Overflowed = true;
            Channel.Writer.TryComplete();
        }

        public void Dispose()
        {
            _stream.Remove(this);
            Channel.Writer.TryComplete();
        }
    }
}
