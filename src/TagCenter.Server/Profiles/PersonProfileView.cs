using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;

namespace TagCenter.Server.Profiles;

/// <summary>One person as <c>GET /profiles/{identifier}</c> returns them (the fields of <c>tagcenter profile --json</c>, and more).</summary>
public sealed record PersonProfileView(
    string Oneid,
    IReadOnlyList<ProfileIdentifier> Identifiers,
    IReadOnlyList<ProfileField> Golden,
    IReadOnlyList<ProfileTag> Tags,
    IReadOnlyList<ProfileTagInterval>? TagHistory,
    IReadOnlyList<ProfileSegment> Segments,
    IReadOnlyList<ProfileEvent> Events,
    IReadOnlyList<ProfileIdentityChange> History,
    IReadOnlyDictionary<string, long> Facts)
{
    /// <summary>The view, masked for <paramref name="caller"/> (the policy notes what it returns unmasked, for the one audit row of the request).</summary>
    public static PersonProfileView Of(PersonProfile profile, IReadOnlyList<(string Name, string Code, string? Value)> tags,
        IReadOnlyList<TagInterval>? history, IEnumerable<ProfileSegment> segments, IEnumerable<ProfileEvent> events, IReadOnlySet<string> visibleSegments,
        IDataPolicy policy, Caller caller)
    {
        string? Mask(string field, string? value) => policy.Mask(field, value, caller);
        var names = tags.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        return new PersonProfileView(
            profile.OneId,
            [.. profile.Identifiers.Select(i => new ProfileIdentifier(i.Type, Mask(i.Type, i.Value), i.Rows, i.RowCount))],
            [.. profile.Golden.Select(f => new ProfileField(f.Field, Mask(f.Field, f.Value), f.Source, f.Line))],
            [.. tags.Select(t => new ProfileTag(t.Name, t.Code, policy.Mask(t.Name, t.Value, caller)))],
            history is null ? null : [.. history.Where(i => names.ContainsKey(i.Tag))
                .Select(i => new ProfileTagInterval(names[i.Tag], i.Tag, policy.Mask(names[i.Tag], i.Value, caller), i.From.RunId, i.From.AsOf, i.To?.RunId, i.To?.AsOf))],
            [.. segments.Where(s => visibleSegments.Contains(s.Segment))],
            [.. events],
            [.. profile.History.Select(h => new ProfileIdentityChange(h.At, h.Kind, h.Other, h.Cause))],
            profile.Facts.ToDictionary(f => f.Fact, f => f.Rows));
    }

    /// <summary>The view read from the engine: <see cref="Of"/> with the person's history, segments and latest events queried.</summary>
    public static PersonProfileView FromEngine(WorkspaceDatabase db, PersonProfile profile, IReadOnlyList<(string Name, string Code, string? Value)> tags,
        bool history, int events, IReadOnlySet<string> visibleSegments, IDataPolicy policy, Caller caller) =>
        Of(profile, tags, history ? new TagHistory(db).PersonHistory(profile.OneId) : null, SegmentsOf(db, profile.OneId), EventsOf(db, profile.OneId, events),
            visibleSegments, policy, caller);

    /// <summary>The segments the person is in now (their open membership interval), of those the caller may see.</summary>
    private static List<ProfileSegment> SegmentsOf(WorkspaceDatabase db, string oneId) =>
        !db.TableExists("segment_members") || !db.TableExists("segment_runs") ? [] :
        [.. db.Rows("""
            SELECT m.segment, r.as_of FROM segment_members m
            JOIN segment_runs r ON r.segment = m.segment AND r.seq = m.from_seq
            WHERE m.oneid = $1 AND m.to_seq IS NULL ORDER BY m.segment
            """, oneId).Select(r => new ProfileSegment((string)r[0]!, r[1] as DateTime?))];

    /// <summary>The person's latest <paramref name="count"/> events (the analyses' event log: events and orders).</summary>
    private static List<ProfileEvent> EventsOf(WorkspaceDatabase db, string oneId, int count) =>
        count == 0 || !db.TableExists(EventLog.Table) ? [] :
        [.. db.Rows($"SELECT event, event_time FROM {EventLog.Relation(db)} WHERE oneid = $1 ORDER BY event_time DESC NULLS LAST LIMIT $2", oneId, count)
            .Select(r => new ProfileEvent((string?)r[0], r[1] as DateTime?))];
}

public sealed record ProfileIdentifier(string Type, string? Value, IReadOnlyList<string> FirstRows, long Rows);

public sealed record ProfileField(string Field, string? Value, string? Source, long? Line);

public sealed record ProfileTag(string Tag, string Code, string? Value);

public sealed record ProfileTagInterval(string Tag, string Code, string? Value, string FromRun, DateTime FromAsOf, string? ToRun, DateTime? ToAsOf);

public sealed record ProfileSegment(string Segment, DateTime? Since);

public sealed record ProfileEvent(string? Event, DateTime? At);

public sealed record ProfileIdentityChange(DateTime At, string Kind, string Other, string Cause);
