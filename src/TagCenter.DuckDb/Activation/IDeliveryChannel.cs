namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Sends deliveries of one kind of action. A channel takes up to <see cref="BatchSize"/> deliveries of one
/// destination at a time (a webhook one, a file many: they become rows of one file) and throws when they did not go.
/// </summary>
public interface IDeliveryChannel
{
    int BatchSize { get; }

    Task DeliverAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);
}
