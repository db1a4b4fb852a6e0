namespace TagCenter.Client;

/// <summary>A funnel: ordered event steps within <see cref="Window"/> (e.g. <c>7d</c>), optionally by a dimension, over a segment or a rule, in [from, to), as of a time.</summary>
public sealed record FunnelRequest(IReadOnlyList<string> Steps, string? Window = null, string? By = null, int? Top = null, string? Segment = null,
    string? Rule = null, string? From = null, string? To = null, string? AsOf = null);

/// <summary>The paths after (<c>next</c>) or before (<c>previous</c>) an event.</summary>
public sealed record PathsRequest(string Event, string? Direction = null, int? Depth = null, int? Top = null, string? Window = null, string? Segment = null,
    string? Rule = null, string? From = null, string? To = null, string? AsOf = null);

/// <summary>Conversion to a goal event within a window, by a dimension (a tag or field).</summary>
public sealed record ConversionRequest(string Goal, string By, string? Window = null, int? Top = null, string? Segment = null, string? Rule = null, string? AsOf = null);

/// <summary>The portrait of a segment's latest members, or of a rule's members now.</summary>
public sealed record PortraitRequest(string? Segment = null, string? Rule = null, int? Top = null);
