namespace TagCenter.Client;

/// <summary>One person: identifiers, golden record, tag values (and history), segments, recent events, identity changes, rows per fact.</summary>
public sealed record PersonProfile(
    string Oneid,
    IReadOnlyList<ProfileIdentifier> Identifiers,
    IReadOnlyList<ProfileField> Golden,
    IReadOnlyList<ProfileTag> Tags,
    IReadOnlyList<ProfileTagInterval>? TagHistory,
    IReadOnlyList<ProfileSegment> Segments,
    IReadOnlyList<ProfileEvent> Events,
    IReadOnlyList<ProfileIdentityChange> History,
    IReadOnlyDictionary<string, long> Facts);

public sealed record ProfileIdentifier(string Type, string? Value, IReadOnlyList<string> FirstRows, long Rows);

/// <summary>A golden-record field with the source and line its value came from.</summary>
public sealed record ProfileField(string Field, string? Value, string? Source, long? Line);

public sealed record ProfileTag(string Tag, string Code, string? Value);

public sealed record ProfileTagInterval(string Tag, string Code, string? Value, string FromRun, DateTime FromAsOf, string? ToRun, DateTime? ToAsOf);

public sealed record ProfileSegment(string Segment, DateTime? Since);

public sealed record ProfileEvent(string? Event, DateTime? At);

public sealed record ProfileIdentityChange(DateTime At, string Kind, string Other, string Cause);
