namespace TagCenter.Core.Models.Preferences;

/// <summary>One categorised event of a person (a bought line, a visit), its age in days at the as-of time and its weight.</summary>
public readonly record struct PreferenceEvent(string OneId, string Category, double AgeDays, double Weight = 1);
