namespace TagCenter.DuckDb.Realtime;

/// <summary>The activity columns (<paramref name="Codes"/>, relative to <paramref name="Anchor"/>) a batch must patch for <paramref name="OneIds"/>.</summary>
public sealed record ActivityRequest(IReadOnlyList<string> OneIds, DateTime Anchor, IReadOnlyList<string> Codes);
