namespace TagCenter.Core.Identity;

/// <summary>
/// How one identifier type takes part in identity resolution. Lower priority numbers are stronger
/// evidence; <see cref="Limit"/> caps how many distinct values of the type one person may hold; a weak type
/// (a shared family iPad's device id, a cookie) attaches to one person but never links two.
/// </summary>
public sealed record IdentifierTypeRule(string Name, int Priority, int? Limit, bool Weak);
