namespace TagCenter.Core.Activation;

/// <summary>
/// Experiments as triggers: a person entering an experiment's segment is assigned an arm (<see cref="ArmAssignment"/>)
/// and gets that arm's actions once ever (the occurrence is "assigned", whatever the run); the holdout gets nothing.
/// </summary>
public static class ExperimentOccurrences
{
    public const string Assigned = "assigned";

    /// <summary>The trigger name an arm's deliveries are filed under.</summary>
    public static string TriggerName(string experiment, string arm) => $"experiment/{experiment}/{arm}";

    /// <summary>Each arm of <paramref name="experiment"/> as a trigger on entering its segment.</summary>
    public static IReadOnlyList<TriggerDefinition> Triggers(ExperimentDefinition experiment) =>
    [
        .. experiment.Arms.Select(a => new TriggerDefinition
        {
            Name = TriggerName(experiment.Name, a.Name),
            When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = experiment.Segment },
            Actions = a.Actions,
            File = experiment.File,
        }),
    ];

    /// <summary>The arm triggers that fire for <paramref name="changes"/>, with their occurrences.</summary>
    public static IReadOnlyList<(TriggerDefinition Trigger, Occurrence Occurrence)> Decide(IReadOnlyList<ExperimentDefinition> experiments, IReadOnlyList<PersonChange> changes)
    {
        var result = new List<(TriggerDefinition, Occurrence)>();
        foreach (var experiment in experiments)
        {
            var arms = Triggers(experiment).ToDictionary(t => t.Name);
            foreach (var change in changes.Where(c => c.Kind == ChangeKind.Entered && c.Name == experiment.Segment))
                if (ArmAssignment.Arm(experiment, change.Person) is { } arm && arm != ArmAssignment.Holdout)
                {
                    var trigger = arms[TriggerName(experiment.Name, arm)];
                    result.Add((trigger, new Occurrence(trigger.Name, change.Person, Assigned, change.At, $"{experiment.Name}: {arm}")));
                }
        }
        return result;
    }
}
