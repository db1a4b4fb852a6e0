using Microsoft.AspNetCore.Http;
using TagCenter.Core.Governance;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Server.Access;

namespace TagCenter.Server.Governance;

/// <summary>
/// The data policy of a governed server. Business lines: a caller of line A sees company-wide (全公司) tags and
/// segments and line A's; a caller without a line sees all. Personal data: masked by its kind (<see cref="PiiMask"/>)
/// unless the caller holds <c>pii:read</c>; when they do, the field is noted and the request ends with one
/// <c>pii.read</c> audit row naming every unmasked field it returned (<see cref="PiiReads"/>).
/// </summary>
internal sealed class GovernedDataPolicy(PiiFields fields, PiiReads reads) : IDataPolicy
{
    public TagCatalog VisibleTags(TagCatalog catalog, Caller caller) =>
        caller.BusinessLine is null ? catalog : TagCatalog.From([.. catalog.Tags.Where(t => Sees(t.BusinessLine, caller))]);

    public bool CanSee(SegmentDefinition segment, Caller caller) => Sees(segment.BusinessLine, caller);

    public bool CanSeeLine(string? line, Caller caller) => Sees(line, caller);

    public bool MayList(string field, Caller caller)
    {
        if (fields.Kind(field) is null)
            return true;
        if (!caller.CanReadPii)
            return false;
        reads.Note(caller, field);
        return true;
    }

    public string? Mask(string field, string? value, Caller caller)
    {
        if (string.IsNullOrEmpty(value) || fields.Kind(field) is not { } kind)
            return value;
        if (!caller.CanReadPii)
            return PiiMask.Mask(kind, value);
        reads.Note(caller, field);
        return value;
    }

    /// <summary>Whether a caller sees what belongs to <paramref name="line"/>.</summary>
    public static bool Sees(string? line, Caller caller) =>
        caller.BusinessLine is null || string.IsNullOrEmpty(line) || line == Roles.CompanyWide || line == caller.BusinessLine;
}

/// <summary>
/// The unmasked personal-data fields a request returned, gathered per request so a member list of a thousand rows is
/// one audit row, not a thousand; outside a request (a webhook, an export job) each read is recorded at once.
/// </summary>
internal sealed class PiiReads(IHttpContextAccessor accessor, IAuditLog audit)
{
    private static readonly object Key = new();

    public void Note(Caller caller, string field)
    {
        if (accessor.HttpContext is { } context)
        {
            if (context.Items[Key] is not HashSet<string> set)
                context.Items[Key] = set = new HashSet<string>(StringComparer.Ordinal);
            lock (set)
                set.Add(field);
            return;
        }
        audit.RecordAsync(new AuditEntry(caller.Name, "pii.read", field), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Middleware: after the request, one <c>pii.read</c> row listing the fields it returned unmasked.</summary>
    public static async Task RecordAfterAsync(HttpContext context, Func<Task> next)
    {
        await next().ConfigureAwait(false);
        if (context.Items[Key] is not HashSet<string> { Count: > 0 } set)
            return;
        var audit = context.RequestServices.GetService(typeof(IAuditLog)) as IAuditLog;
        string fieldsJson;
        lock (set)
            fieldsJson = System.Text.Json.JsonSerializer.Serialize(new { fields = set.Order(StringComparer.Ordinal).ToList(), status = context.Response.StatusCode }, AuditJson.Options);
        if (audit is not null)
            await audit.RecordAsync(new AuditEntry(Caller.Of(context).Name, "pii.read",
                // A phone or email typed in the path is masked here too: the audit log keeps no personal data of its own.
                context.Request.Method + " " + PiiText.MaskedPath(context.Request.Path.Value ?? "", context.Request.QueryString.Value), After: fieldsJson),
                CancellationToken.None).ConfigureAwait(false);
    }
}
