namespace TagCenter.Core.Models.Preferences;

/// <summary>
/// One label of a preference share (价格敏感度 高/中/低): a person whose decayed share is at least <see cref="From"/>
/// gets <see cref="Label"/>, the highest bound reached winning, so operators read a level rather than a fraction.
/// </summary>
public sealed record PreferenceLevel(string Label, double From);
