namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The store tells a pump in the same process what became pending (a new delivery, a replayed dead letter) as soon as
/// it is committed, so the pump is fed directly instead of looking. Raised under the store's lock: a scan of the
/// outbox (which takes the lock) never sees a row before its announcement ran, and a handler must not block.
/// </summary>
public abstract partial class SqlActivationStore
{
    private readonly List<OutboxItem> _announced = [];

    /// <summary>A delivery became pending (committed); raised under the store's lock.</summary>
    public event Action<OutboxItem>? Pending;

    private void Announce(OutboxItem item)
    {
        if (_transaction is not null)
            _announced.Add(item); // told once the transaction commits
        else
            Pending?.Invoke(item);
    }

    private void AnnounceHeld(bool committed)
    {
        if (_announced.Count == 0)
            return;
        var held = _announced.ToArray();
        _announced.Clear();
        if (committed)
            foreach (var item in held)
                Pending?.Invoke(item);
    }
}
