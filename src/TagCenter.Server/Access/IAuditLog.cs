using Microsoft.Extensions.Logging;

namespace TagCenter.Server.Access;

/// <summary>One audited act: who, what kind (<c>segment.create</c>, <c>export</c>, <c>pii.read</c>, …), on what, before and after (JSON).</summary>
public sealed record AuditEntry(string Actor, string Action, string Target, string? Before = null, string? After = null);

/// <summary>
/// Where endpoints record every change, export and read of unmasked personal data. Governance supplies the
/// append-only, hash-chained store; until then <see cref="LoggerAuditLog"/> writes each entry to the server log.
/// </summary>
public interface IAuditLog
{
    ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>The audit before governance: one structured log line per entry.</summary>
public sealed partial class LoggerAuditLog(ILogger<LoggerAuditLog> log) : IAuditLog
{
    public ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Audited(log, entry.Action, entry.Target, entry.Actor);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "audit {Action} {Target} by {Actor}")]
    private static partial void Audited(ILogger logger, string action, string target, string actor);
}
