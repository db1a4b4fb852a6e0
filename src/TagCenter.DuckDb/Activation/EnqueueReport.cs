namespace TagCenter.DuckDb.Activation;

/// <summary>
/// What evaluating some changes did: occurrences found, deliveries enqueued, occurrences already enqueued before
/// (idempotency), skipped by the cap or for consent (both logged in the outbox), and deliveries delayed by quiet hours.
/// </summary>
public sealed record EnqueueReport(int Occurrences, int Enqueued, int Duplicates, int SkippedCap, int SkippedConsent, int Delayed)
{
    public static readonly EnqueueReport Empty = new(0, 0, 0, 0, 0, 0);

    public EnqueueReport Plus(EnqueueReport o) => new(Occurrences + o.Occurrences, Enqueued + o.Enqueued, Duplicates + o.Duplicates,
        SkippedCap + o.SkippedCap, SkippedConsent + o.SkippedConsent, Delayed + o.Delayed);
}
