using TagCenter.Core.Activation;
using TagCenter.Core.Models;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>What <c>plan</c> found (and whether <c>apply</c> published it), with the tag files' naming-convention breaks.</summary>
public sealed record WorkspacePlanResult(TagPlan Plan, IReadOnlyList<ConventionBreak> Breaks, bool Applied)
{
    /// <summary>The models of models/ against the published ones.</summary>
    public ModelPlan Models { get; init; } = ModelPlan.Empty;

    public bool Blocked => Plan.Blocked || Models.Blocked;
    /// <summary>Uses of deprecated tags and segments by rules, triggers and experiments: warnings, never a refusal.</summary>
    public IReadOnlyList<DeprecationUse> Deprecations { get; init; } = [];
}

/// <summary>
/// Tags as code, shared by <c>tagcenter plan|apply</c> and <c>/api/v1/plan|apply</c>: what the files under tags/ and
/// segments/ would change, with the impact on the real data; applying publishes them (never when the plan is blocked)
/// and evaluates the new and changed segments over the latest tag run's data.
/// </summary>
public static class WorkspacePlan
{
    public static WorkspacePlanResult Make(WorkspaceDatabase db, WorkspaceDefinition definition, DateTime? asOf, bool apply,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var files = TagCatalog.Load(definition.Root);
        var declared = SegmentCatalog.Load(definition.Root);
        var segments = SegmentCatalog.From([.. declared.Segments, .. BoardCatalog.Load(definition.Root, declared).InlineSegments]).Segments;
        var plan = TagPlanner.Plan(db, files,
            new TagPlanOptions(asOf, WorkspaceTime.For(definition, time), DeclaredSchema.Of(definition), segments), cancellationToken);
        var breaks = TagConventionCheck.Check(files, definition.TagConvention);
        // A broken model file stops the plan with its position, as a broken tag file does.
        var modelFiles = ModelCatalog.Load(definition.Root, files);
        var models = ModelPlanner.Plan(db, modelFiles, files, segments);
        var applied = apply && !plan.Blocked && !models.Blocked;
        if (applied)
        {
            PublishedCatalog.Publish(db, files, plan, time.GetUtcNow().UtcDateTime);
            PublishedModels.Publish(db, modelFiles, models, time.GetUtcNow().UtcDateTime);
            ApplySegments(db, files, segments, plan, time, cancellationToken);
            SegmentDeprecations.Publish(db, declared.Segments, time.GetUtcNow().UtcDateTime);
        }
        return new WorkspacePlanResult(plan, breaks, applied) { Models = models, Deprecations = DeprecationUses(definition, files, declared) };
    }

    /// <summary>The plan as <c>plan --json</c> prints it.</summary>
    public static object Json(WorkspacePlanResult result)
    {
        var plan = result.Plan;
        return new
        {
            applied = result.Applied,
            as_of = plan.AsOf,
            as_of_source = plan.AsOfSource,
            convention_breaks = result.Breaks,
            blocked = result.Blocked,
            changes = plan.Changes.Select(c => new
            {
                action = c.Action,
                code = c.Code,
                name = c.Name,
                what = c.What,
                persons_changing = c.PersonsChanging,
                dependents = c.Dependents,
                transitions = c.Transitions.Select(x => new { from = x.From, to = x.To, persons = x.Persons }),
            }),
            deprecations = result.Deprecations.Select(d => new { kind = d.Kind, name = d.Name, reason = d.Reason, user_kind = d.UserKind, user = d.User, file = d.File, message = d.Message }),
            segments = plan.Segments.Select(s => new { action = s.Action, name = s.Name, file = s.File, rule_before = s.RuleBefore, rule_after = s.RuleAfter, size_before = s.SizeBefore, size_after = s.SizeAfter }),
            models = result.Models.Changes.Select(c => new { action = c.Action, name = c.Name, kind = c.Kind, what = c.What, dependents = c.Dependents }),
        };
    }

    /// <summary>Who still uses a deprecated tag or segment; broken trigger or experiment files are not the plan's to report.</summary>
    private static IReadOnlyList<DeprecationUse> DeprecationUses(WorkspaceDefinition definition, TagCatalog files, SegmentCatalog segments)
    {
        var names = ActivationNames.Unchecked;
        IReadOnlyList<TriggerDefinition> triggers;
        IReadOnlyList<ExperimentDefinition> experiments;
        try
        {
            triggers = TriggerCatalog.Load(definition.Root, names).Triggers;
            experiments = ExperimentCatalog.Load(definition.Root, names).Experiments;
        }
        catch (Core.Diagnostics.WorkspaceException)
        {
            (triggers, experiments) = ([], []);
        }
        return Deprecations.Find(files.Tags, segments.Segments, triggers, experiments);
    }

    /// <summary>After publishing: new and changed segments are evaluated over the latest tag run's data (a static one only when new).</summary>
    private static void ApplySegments(WorkspaceDatabase db, TagCatalog files, IReadOnlyList<SegmentDefinition> segments, TagPlan plan,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (run, asOf) = SegmentPass.LatestTagRun(db);
        var due = plan.Segments.Where(c => c.Action is SegmentChangeAction.Added or SegmentChangeAction.Changed)
            .Select(c => segments.First(s => s.Name == c.Name))
            .Where(s => s.Type == SegmentType.Dynamic || plan.Segments.Any(c => c.Name == s.Name && c.Action == SegmentChangeAction.Added)).ToList();
        if (asOf is { } when && due.Count > 0)
            SegmentPass.Run(db, files, due, when, run, time, cancellationToken);
    }
}
