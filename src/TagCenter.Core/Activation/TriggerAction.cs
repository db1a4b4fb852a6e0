namespace TagCenter.Core.Activation;

/// <summary>Where an occurrence goes.</summary>
public enum ActionKind
{
    /// <summary>An HTTP POST with a signed JSON body.</summary>
    Webhook,

    /// <summary>Rows in a CSV or Parquet file written into a drop folder.</summary>
    File,

    /// <summary>A row in the activation_tasks table, for an assignee or a queue (an advisor's follow-up).</summary>
    Task,

    /// <summary>A message from a template, kept in the activation_messages table for a sender to pick up.</summary>
    Message,
}

/// <summary>
/// One action of a trigger (or of an experiment arm). Only the fields of its <see cref="Kind"/> are set.
/// <see cref="Destination"/> names where it goes: deliveries to one destination share a circuit breaker, so a
/// failing destination never holds up the others.
/// </summary>
public sealed record TriggerAction
{
    public required ActionKind Kind { get; init; }

    public string? Url { get; init; }

    /// <summary>The name of the environment variable holding the webhook's signing secret (never the secret itself).</summary>
    public string? SecretEnv { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public bool AllowLocal { get; init; }

    public string? Folder { get; init; }

    public string Format { get; init; } = "csv";

    public string? Assignee { get; init; }

    public string? Queue { get; init; }

    public string? Template { get; init; }

    /// <summary>The destination's identity: the webhook's host, the folder, the task queue, the message channel.</summary>
    public string Destination => Kind switch
    {
        ActionKind.Webhook => "webhook:" + (Uri.TryCreate(Url, UriKind.Absolute, out var u) ? u.Authority : Url),
        ActionKind.File => "file:" + Folder,
        ActionKind.Task => "task:" + (Queue ?? Assignee),
        _ => "message",
    };
}
