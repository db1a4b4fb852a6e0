using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

internal static partial class SegmentsEndpoints
{
    private const int MaxPage = 10_000;

    /// <summary>
    /// A page of members at an evaluation, in OneID order. The cursor is the last OneID of the page before (keyset:
    /// a page costs the same wherever it is, and pages stay stable while a later evaluation is recorded, since
    /// they read the evaluation the first page named through <c>seq</c>).
    /// </summary>
    private static async Task<IResult> MembersAsync(string name, HttpContext context, SegmentAccess access, Governance.UsageCounter usage, CancellationToken cancellationToken,
        int? page_size = null, string? cursor = null, string? as_of = null)
    {
        name = SegmentRoute.Name(name);
        var caller = Caller.Of(context);
        var size = page_size ?? 100;
        if (size is < 1 or > MaxPage)
            throw SegmentAccess.Field("page_size", Texts.T("api.field.range", 1, MaxPage));
        var (after, seq) = cursor is null ? (null, null) : Decode(cursor);
        var when = access.Time("as_of", as_of);
        var segment = access.Get(name, caller);
        var (run, members) = await access.Host.ReadAsync((db, _) =>
        {
            var run = seq is { } s
                ? SegmentHistory.Runs(db, segment.Name).FirstOrDefault(r => r.Seq == s) ?? throw new NotFoundException(Texts.T("segment.notevaluated", segment.Name))
                : WorkspaceSegments.LatestRun(db, segment.Name, when);
            var rows = db.Rows($"{SegmentHistory.MembersAt} AND oneid > $3 ORDER BY oneid LIMIT {size + 1}", segment.Name, run.Seq, after ?? "");
            return (run, rows.Select(r => (string)r[0]!).ToList());
        }, cancellationToken);
        var next = members.Count > size ? Encode(members[size - 1], run.Seq) : null;
        if (members.Count > size)
            members.RemoveAt(size);
        if (cursor is null)
            usage.SegmentRead(caller, segment.Name); // a walk through the pages is one read
        if (as_of is not null || cursor is not null)
            context.Response.Headers.CacheControl = "private";
        return ETags.Ok(context, new MembersPage(segment.Name, run.Seq, run.AsOf, run.Size, [.. members.Select(m => access.Mask(m, caller))],
            next));
    }

    /// <summary>The cursor after <paramref name="oneId"/> in evaluation <paramref name="seq"/>: opaque to clients.</summary>
    private static string Encode(string oneId, long seq) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(oneId)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + seq.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (string? After, long? Seq) Decode(string cursor)
    {
        var parts = cursor.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var seq))
        {
            var text = parts[0].Replace('-', '+').Replace('_', '/');
            var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var bytes = new byte[padded.Length];
            if (Convert.TryFromBase64String(padded, bytes, out var written))
                return (Encoding.UTF8.GetString(bytes, 0, written), seq);
        }
        throw SegmentAccess.Field("cursor", Texts.T("api.segments.cursor"));
    }

    private static async Task<Ok<ExplainView>> ExplainAsync(string name, string person, HttpContext context, SegmentAccess access, IAuditLog audit, CancellationToken cancellationToken)
    {
        name = SegmentRoute.Name(name);
        var caller = Caller.Of(context);
        var segment = access.Get(name, caller);
        var view = await access.Host.ReadAsync((db, _) =>
        {
            if (!db.TableExists("identity_map"))
                throw new NotFoundException(Texts.T("profile.noidentity"));
            var profile = PersonProfile.Find(db, access.Host.Definition, person) ?? throw new NotFoundException(Texts.T("profile.none", PiiText.Shown(person, caller)));
            var catalog = access.Tags(db, caller);
            var asOf = WorkspaceSegments.AsOf(db, access.Host.Definition, access.Host.Time);
            var e = SegmentExplainer.Explain(db, catalog, segment, profile.OneId, asOf);
            var stored = SegmentHistory.At(db, segment.Name, null);
            var storedMember = stored is not null
                && db.Scalar<long>($"SELECT count(*) FROM ({SegmentHistory.MembersAt}) m WHERE oneid = $3", segment.Name, stored.Seq, profile.OneId) > 0;
            return new ExplainView(e.Segment, access.Mask(e.OneId, caller)!, e.Rule, e.AsOf,
                [.. e.Predicates.Select(p => new PredicateView(p.Text, p.Values.ToDictionary(v => v.Name, v => access.Policy.Mask(v.Name, v.Value, caller)), p.Held))],
                e.Result, e.Member, stored is null ? null : new StoredView(stored.Seq, stored.AsOf, stored.Type, storedMember));
        }, cancellationToken);
        await audit.RecordAsync(new AuditEntry(caller.Name, "segment.explain", name + "/" + view.OneId), cancellationToken);
        return TypedResults.Ok(view);
    }
}
