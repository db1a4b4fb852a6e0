namespace TagCenter.Core.Activation;

/// <summary>
/// One trigger (触发式营销) as declared in <c>triggers/*.yaml</c>: when something happens to a person (or a
/// segment), run actions, within a per-person frequency cap, outside quiet hours, for persons who did not opt out.
/// </summary>
public sealed record TriggerDefinition
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required TriggerCondition When { get; init; }

    public required IReadOnlyList<TriggerAction> Actions { get; init; }

    public FrequencyCap? Cap { get; init; }

    public QuietHours? QuietHours { get; init; }

    /// <summary>The consent category a person must not have opted out of (null: none needed).</summary>
    public string? Consent { get; init; }

    /// <summary>Who the trigger belongs to: <c>全公司</c> (company-wide, the default) or a business line, whose marketers alone see and change it.</summary>
    public string BusinessLine { get; init; } = Governance.Roles.CompanyWide;

    public required string File { get; init; }

    public int Line { get; init; } = 1;

    public int Column { get; init; } = 1;
}
