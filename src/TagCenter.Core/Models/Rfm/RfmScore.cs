namespace TagCenter.Core.Models.Rfm;

/// <summary>One person's scores (1–5, 5 best: most recent, most frequent, biggest spender) and class.</summary>
public readonly record struct RfmScore(string OneId, int R, int F, int M, string Class);
