using System.Data.Common;
using System.Text.Json;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// The activation store over one ADO.NET connection, in SQL that SQLite and PostgreSQL both speak (upserts with
/// <c>ON CONFLICT</c>, typed <c>CAST</c>s for optional filters, integers as BIGINT): <see cref="SqliteActivationStore"/>
/// in the workspace by default, <see cref="PostgresActivationStore"/> for a shared server. The outbox key is UNIQUE,
/// which is what makes enqueueing idempotent. Every statement runs under one lock (one connection, many dispatcher
/// threads), with values always bound.
/// </summary>
public abstract partial class SqlActivationStore : IActivationStore
{
    private readonly DbConnection _connection;
    private readonly Lock _lock = new();
    private DbTransaction? _transaction;

    /// <summary>Takes an open <paramref name="connection"/> and creates the tables <paramref name="schema"/> declares.</summary>
    protected SqlActivationStore(DbConnection connection, string schema)
    {
        _connection = connection;
        Execute(schema);
    }

    /// <summary>The name a positional value takes in a command (<c>$1</c> in SQLite; unnamed in Npgsql).</summary>
    protected abstract string ParameterName(int position);

    public bool Enqueue(OutboxItem item) => Locked(() =>
    {
        var inserted = Query("""
            INSERT INTO outbox (key, trigger, person, occurrence, action, destination, payload, created_at, due_at, status, attempts)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0) ON CONFLICT (key) DO NOTHING RETURNING id
            """, item.Key, item.Trigger, item.Person, item.Occurrence, JsonSerializer.Serialize(item.Action), item.Destination, item.Payload,
            Ms(item.CreatedAt), Ms(item.DueAt), item.Status);
        if (inserted.Count != 1)
            return false;
        if (item.Status == DeliveryStatus.Pending && Pending is not null)
            Announce(item with { Id = (long)inserted[0][0]!, Attempts = 0 });
        return true;
    });

    public IReadOnlyList<OutboxItem> Due(DateTimeOffset now, int limit) =>
        Items("WHERE status = 'pending' AND due_at <= $1 ORDER BY due_at, id LIMIT $2", Ms(now), limit);

    /// <summary>When the earliest pending delivery is due (null: none pending): how long a continuous dispatcher may sleep.</summary>
    public DateTimeOffset? NextDue() => Locked(() =>
        Query("SELECT min(due_at) FROM outbox WHERE status = 'pending'").Select(r => r[0] is long ms ? At(ms) : (DateTimeOffset?)null).FirstOrDefault());

    /// <summary>When the earliest pending delivery due after <paramref name="now"/> is due (null: none): when a pump must look again.</summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now) => Locked(() =>
        Query("SELECT min(due_at) FROM outbox WHERE status = 'pending' AND due_at > $1", Ms(now)).Select(r => r[0] is long ms ? At(ms) : (DateTimeOffset?)null).FirstOrDefault());

    /// <summary>Deliveries newest first, narrowed by trigger, status and person when given.</summary>
    public IReadOnlyList<OutboxItem> Find(string? trigger, string? status, string? person, int limit) => Find(trigger, status, person, limit, null);

    /// <summary>Deliveries of any of <paramref name="senders"/> newest first (a line-bound caller's page, in one query), narrowed as <see cref="Find(string?, string?, string?, int)"/>.</summary>
    public IReadOnlyList<OutboxItem> FindAmong(IReadOnlyCollection<string> senders, string? status, string? person, int limit) =>
        senders.Count == 0 ? [] : Find(null, status, person, limit, senders);

    private List<OutboxItem> Find(string? trigger, string? status, string? person, int limit, IReadOnlyCollection<string>? senders) =>
        Items("""
            WHERE (CAST($1 AS TEXT) IS NULL OR trigger = CAST($1 AS TEXT)) AND (CAST($2 AS TEXT) IS NULL OR status = CAST($2 AS TEXT))
              AND (CAST($3 AS TEXT) IS NULL OR person = CAST($3 AS TEXT))
            """ + (senders is null ? "" : $" AND trigger IN ({string.Join(", ", senders.Select((_, i) => "$" + (i + 5)))})") + " ORDER BY id DESC LIMIT $4",
            [trigger, status, person, limit, .. senders ?? []]);

    /// <summary>Counts per status of one trigger's deliveries.</summary>
    public IReadOnlyDictionary<string, long> Counts(string trigger) => Locked(() =>
        Query("SELECT status, count(*) FROM outbox WHERE trigger = $1 GROUP BY status", trigger).ToDictionary(r => (string)r[0]!, r => (long)r[1]!));

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> CountsByTrigger() => Locked(() =>
        Query("SELECT trigger, status, count(*) FROM outbox GROUP BY trigger, status").GroupBy(r => (string)r[0]!)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(r => (string)r[1]!, r => (long)r[2]!)));

    public OutboxItem? Get(long id) => Items("WHERE id = $1", id).SingleOrDefault();

    public IReadOnlyList<OutboxItem> List(string? status, int limit) => status is null
        ? Items("ORDER BY id DESC LIMIT $1", limit)
        : Items("WHERE status = $1 ORDER BY id DESC LIMIT $2", status, limit);

    public IReadOnlyList<DateTimeOffset> DeliveryTimes(string trigger, string person) => Locked(() =>
        Query("SELECT due_at FROM outbox WHERE trigger = $1 AND person = $2 AND status IN ('pending', 'delivered', 'dead')", trigger, person)
            .Select(r => At((long)r[0]!)).ToList());

    public void Delivered(long id, int attempts, double latencyMs, DateTimeOffset at) => Locked(() => Execute(
        "UPDATE outbox SET status = 'delivered', attempts = $2, latency_ms = $3, delivered_at = $4, last_error = NULL WHERE id = $1", id, attempts, latencyMs, Ms(at)));

    public void Retry(long id, int attempts, string error, DateTimeOffset retryAt) => Locked(() => Execute(
        "UPDATE outbox SET status = 'pending', attempts = $2, last_error = $3, due_at = $4 WHERE id = $1", id, attempts, error, Ms(retryAt)));

    public void DeadLetter(long id, int attempts, string error, DateTimeOffset at) => Locked(() =>
    {
        Execute("UPDATE outbox SET status = 'dead', attempts = $2, last_error = $3 WHERE id = $1", id, attempts, error);
        return Execute("INSERT INTO dead_letters VALUES ($1, $2, $3) ON CONFLICT (outbox_id) DO UPDATE SET error = excluded.error, at = excluded.at", id, error, Ms(at));
    });

    public bool Replay(long id, DateTimeOffset now) => Locked(() =>
    {
        if (Execute("UPDATE outbox SET status = 'pending', attempts = 0, due_at = $2 WHERE id = $1 AND status = 'dead'", id, Ms(now)) == 0)
            return false;
        Execute("DELETE FROM dead_letters WHERE outbox_id = $1", id);
        if (Pending is not null && Get(id) is { } item)
            Announce(item);
        return true;
    });

    public void LogAttempt(long id, int attempt, bool ok, double latencyMs, string? error, DateTimeOffset at) => Locked(() => Execute(
        "INSERT INTO delivery_log VALUES ($1, $2, $3, $4, $5, $6)", id, attempt, ok ? 1 : 0, latencyMs, error, Ms(at)));

    public IReadOnlyList<(int Attempt, bool Ok, double LatencyMs, string? Error, DateTimeOffset At)> Attempts(long id) => Locked(() =>
        Query("SELECT attempt, ok, latency_ms, error, at FROM delivery_log WHERE outbox_id = $1 ORDER BY at, attempt", id)
            .Select(r => ((int)(long)r[0]!, (long)r[1]! == 1, (double)r[2]!, (string?)r[3], At((long)r[4]!))).ToList());

    public bool OptedOut(string person, string category) => Locked(() =>
        Query("SELECT 1 FROM consent_opt_outs WHERE person = $1 AND category = $2", person, category).Count > 0);

    public void OptOut(string person, string category, DateTimeOffset at) => Locked(() => Execute(
        "INSERT INTO consent_opt_outs VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", person, category, Ms(at)));

    public void AddTask(OutboxItem item, string detail) => Locked(() => Execute(
        "INSERT INTO activation_tasks (trigger, person, assignee, queue, detail, created_at, delivery_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
        item.Trigger, item.Person, item.Action.Assignee, item.Action.Queue, detail, Ms(item.CreatedAt), item.DeliveryId));

    public void AddMessage(OutboxItem item, string text) => Locked(() => Execute(
        "INSERT INTO activation_messages (trigger, person, text, created_at, delivery_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        item.Trigger, item.Person, text, Ms(item.CreatedAt), item.DeliveryId));

    public IReadOnlyList<ActivationTask> Tasks(int limit) => Locked(() =>
        Query("SELECT id, trigger, person, assignee, queue, detail, created_at, delivery_id FROM activation_tasks ORDER BY id LIMIT $1", limit)
            .Select(r => new ActivationTask((long)r[0]!, (string)r[1]!, (string)r[2]!, (string?)r[3], (string?)r[4], (string)r[5]!, At((long)r[6]!), (string)r[7]!)).ToList());

    public IReadOnlyList<ActivationMessage> Messages(int limit) => Locked(() =>
        Query("SELECT id, trigger, person, text, created_at, delivery_id FROM activation_messages ORDER BY id LIMIT $1", limit)
            .Select(r => new ActivationMessage((long)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, At((long)r[4]!), (string)r[5]!)).ToList());

    public string? Bookmark(string key) => Locked(() => Query("SELECT value FROM bookmarks WHERE key = $1", key).Select(r => (string)r[0]!).FirstOrDefault());

    public void SetBookmark(string key, string value) => Locked(() => Execute("INSERT INTO bookmarks VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value));

    public IReadOnlyDictionary<string, long> Counts() => Locked(() =>
        Query("SELECT status, count(*) FROM outbox GROUP BY status").ToDictionary(r => (string)r[0]!, r => (long)r[1]!));

    public void Batch(Action work) => Locked(() =>
    {
        if (_transaction is not null)
        {
            work();
            return;
        }
        _transaction = _connection.BeginTransaction();
        var committed = false;
        try
        {
            work();
            _transaction.Commit();
            committed = true;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
            AnnounceHeld(committed);
        }
    });

    public virtual void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    private List<OutboxItem> Items(string where, params object?[] parameters) => Locked(() => Query($"""
        SELECT id, key, trigger, person, occurrence, action, payload, created_at, due_at, status, attempts, last_error, latency_ms, delivered_at
        FROM outbox {where}
        """, parameters).Select(r => new OutboxItem
    {
        Id = (long)r[0]!,
        Key = (string)r[1]!,
        Trigger = (string)r[2]!,
        Person = (string)r[3]!,
        Occurrence = (string)r[4]!,
        Action = JsonSerializer.Deserialize<TriggerAction>((string)r[5]!)!,
        Payload = (string)r[6]!,
        CreatedAt = At((long)r[7]!),
        DueAt = At((long)r[8]!),
        Status = (string)r[9]!,
        Attempts = (int)(long)r[10]!,
        LastError = (string?)r[11],
        LatencyMs = (double?)r[12],
        DeliveredAt = r[13] is long d ? At(d) : null,
    }).ToList());
}
