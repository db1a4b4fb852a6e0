namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// How to load: <see cref="Force"/> reloads an unchanged file; <see cref="AllowShrink"/> accepts a load that would
/// remove more of a source's rows than its <c>max_shrink</c> allows (or empty it).
/// </summary>
public sealed record LoadOptions(bool Force = false, bool AllowShrink = false);
