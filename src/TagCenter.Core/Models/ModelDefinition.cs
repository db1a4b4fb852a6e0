namespace TagCenter.Core.Models;

/// <summary>One model as declared under models/: what it reads, how it is parameterised and which model tags it fills.</summary>
public sealed record ModelDefinition
{
    public required string Name { get; init; }

    public required ModelKind Kind { get; init; }

    /// <summary>The fact the model reads; null for the kinds that read only tags (lookalike, cluster, a propensity on a tag).</summary>
    public required ModelInput? Input { get; init; }

    /// <summary>Propensity, lookalike, cluster: the tags the model learns from (computed as of the cut-off or now).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Clusters: the tags whose values describe and name each cluster (TGI against everyone).</summary>
    public IReadOnlyList<string> Describe { get; init; } = [];

    /// <summary>Propensity: what is predicted.</summary>
    public ModelLabel? Label { get; init; }

    /// <summary>Propensity: a rule selecting who is labelled and learnt from (as of the cut-off); null: everyone.</summary>
    public string? Population { get; init; }

    /// <summary>Lookalike: the seed as declared (a segment name or a rule).</summary>
    public string? Seed { get; init; }

    /// <summary>Lookalike: the seed's rule (the segment's rule when <see cref="Seed"/> names a segment).</summary>
    public string? SeedRule { get; init; }

    public required ModelParameters Parameters { get; init; }

    /// <summary>Output (<c>class</c>, <c>clv</c>, <c>top</c>…) → the model tag it fills.</summary>
    public required IReadOnlyDictionary<string, string> Outputs { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    /// <summary>When <c>tagcenter run</c> retrains it, in the tags' refresh syntax (daily, weekly, a cron).</summary>
    public string Schedule { get; init; } = "daily";

    public required string File { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }
}
