namespace TagCenter.Core.Identity;

/// <summary>An edge that was not followed, and why: joining would have broken a type's limit.</summary>
public readonly record struct IdentityConflict(int From, int To, int LimitedType, int Limit);
