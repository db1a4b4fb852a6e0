namespace TagCenter.Core.Models;

/// <summary>One model as declared under models/: what it reads, how it is parameterised and which model tags it fills.</summary>
public sealed record ModelDefinition
{
    public required string Name { get; init; }

    public required ModelKind Kind { get; init; }

    public required ModelInput Input { get; init; }

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
