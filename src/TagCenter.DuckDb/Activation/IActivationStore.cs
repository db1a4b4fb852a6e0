using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>A task row (activation_tasks): a follow-up for an advisor or a queue.</summary>
public sealed record ActivationTask(long Id, string Trigger, string Person, string? Assignee, string? Queue, string Detail, DateTimeOffset CreatedAt, string DeliveryId);

/// <summary>A message row (activation_messages): rendered text waiting for a sender (SMS gateway, private-domain tool).</summary>
public sealed record ActivationMessage(long Id, string Trigger, string Person, string Text, DateTimeOffset CreatedAt, string DeliveryId);

/// <summary>
/// Where activation keeps its state: the outbox (with its idempotency keys), the delivery log, dead letters,
/// consent opt-outs, tasks and messages, and small bookmarks (last scheduled push). SQLite in the workspace by
/// default (<see cref="SqliteActivationStore"/>), PostgreSQL for a shared server (<see cref="PostgresActivationStore"/>;
/// <see cref="ActivationStores"/> picks one). Thread-safe.
/// </summary>
public interface IActivationStore : IDisposable
{
    /// <summary>Adds <paramref name="item"/> unless its key is already there; whether it was added.</summary>
    bool Enqueue(OutboxItem item);

    IReadOnlyList<OutboxItem> Due(DateTimeOffset now, int limit);

    /// <summary>When the earliest pending delivery is due (null: none pending): how long a continuous dispatcher may sleep.</summary>
    DateTimeOffset? NextDue();

    /// <summary>Deliveries newest first, narrowed by trigger, status and person when given.</summary>
    IReadOnlyList<OutboxItem> Find(string? trigger, string? status, string? person, int limit);

    /// <summary>Counts per status of one trigger's deliveries.</summary>
    IReadOnlyDictionary<string, long> Counts(string trigger);

    /// <summary>Per trigger with deliveries, its counts per status (one grouped query, not the outbox read into memory).</summary>
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> CountsByTrigger();

    OutboxItem? Get(long id);

    IReadOnlyList<OutboxItem> List(string? status, int limit);

    /// <summary>When this trigger's deliveries to this person were (or are) due: enqueued ones, not skipped ones.</summary>
    IReadOnlyList<DateTimeOffset> DeliveryTimes(string trigger, string person);

    void Delivered(long id, int attempts, double latencyMs, DateTimeOffset at);

    /// <summary>Failed for now: back to pending, due again at <paramref name="retryAt"/>.</summary>
    void Retry(long id, int attempts, string error, DateTimeOffset retryAt);

    void DeadLetter(long id, int attempts, string error, DateTimeOffset at);

    /// <summary>A dead letter back to pending with its attempts reset; false when <paramref name="id"/> is not dead.</summary>
    bool Replay(long id, DateTimeOffset now);

    void LogAttempt(long id, int attempt, bool ok, double latencyMs, string? error, DateTimeOffset at);

    /// <summary>Every attempt of one delivery: attempt number, ok, latency, error.</summary>
    IReadOnlyList<(int Attempt, bool Ok, double LatencyMs, string? Error, DateTimeOffset At)> Attempts(long id);

    bool OptedOut(string person, string category);

    void OptOut(string person, string category, DateTimeOffset at);

    void AddTask(OutboxItem item, string detail);

    void AddMessage(OutboxItem item, string text);

    IReadOnlyList<ActivationTask> Tasks(int limit);

    IReadOnlyList<ActivationMessage> Messages(int limit);

    string? Bookmark(string key);

    void SetBookmark(string key, string value);

    /// <summary>Runs <paramref name="work"/> (calls on this store) as one transaction: a batch of deliveries costs one commit.</summary>
    void Batch(Action work);

    /// <summary>Counts per status.</summary>
    IReadOnlyDictionary<string, long> Counts();
}
