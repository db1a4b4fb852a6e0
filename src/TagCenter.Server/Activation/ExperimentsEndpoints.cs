using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Activation;

/// <summary>
/// <c>/api/v1/experiments</c>: the A/B experiments, one with its results per arm (conversion, lift against the
/// holdout with its 95% interval and p-value, the sample size needed: <c>experiment show --json</c>), and a new one
/// (<c>experiment create</c>: checked like the file, arms over 100% are refused with the yaml position; audited). A caller
/// bound to a business line sees and uses only experiments on segments they can see (<see cref="ActivationView"/>).
/// </summary>
public static class ExperimentsEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).RequireScope(ApiScopes.Read).WithName("ListExperiments")
            .WithSummary("Each experiment: segment, arms with their shares, holdout, goal");
        group.MapGet("/{name}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetExperiment")
            .WithSummary("An experiment's results per arm: assigned, converted, conversion, lift vs holdout, 95% interval, p-value, sample size needed (tagcenter experiment show)")
            .ProducesProblem(404);
        group.MapPost("", CreateAsync).RequireScope(ApiScopes.Write).WithName("CreateExperiment")
            .WithSummary("Declares an experiment (experiments/<name>.yaml); 422 with the problem's position when it does not hold (tagcenter experiment create)")
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
    }

    private static async Task<Ok<List<object>>> ListAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ActivationView.ForAsync(context, state, policy, cancellationToken)).Experiments.Experiments.Select(e => (object)new
        {
            name = e.Name,
            description = e.Description,
            segment = e.Segment,
            arms = e.Arms.Select(a => new { arm = a.Name, percent = a.Percent, actions = a.Actions.Select(TriggerText.Action).ToList() }).ToList(),
            holdout = e.Holdout,
            goal = e.Goal.ToString(),
            mde = e.MinimumDetectableEffect,
            file = e.File,
        }).ToList());

    private static async Task<Ok<object>> ShowAsync(string name, HttpContext context, ActivationState state, IDataPolicy policy, WorkspaceHost host,
        CancellationToken cancellationToken)
    {
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        var experiment = view.Experiments.Get(name);
        var result = await host.ReadAsync((db, _) => ExperimentResults.Compute(db, experiment, view.Workspace.Catalog), cancellationToken);
        return TypedResults.Ok(ActivationJson.Experiment(result));
    }

    /// <summary>The body of <c>POST /experiments</c>; <see cref="Within"/> like "30d".</summary>
    public sealed record ExperimentBody(string? Name, string? Segment, IReadOnlyList<ArmBody>? Arms, decimal? Holdout, string? GoalEvent, string? GoalTag,
        string? GoalValue, string? Within, decimal? Mde);

    public sealed record ArmBody(string? Arm, decimal Percent);

    private static async Task<Created<object>> CreateAsync(ExperimentBody body, HttpContext context, WorkspaceHost host, ActivationState state, IDataPolicy policy,
        IAuditLog audit, CancellationToken cancellationToken)
    {
        var name = body.Name?.Trim() ?? "";
        if (SegmentCatalog.Problem(name) is not null)
            throw ApiException.BadRequest("invalid_name", Texts.T("activation.experiment.name", name));
        if (body.Arms is not { Count: > 0 } arms || arms.Any(a => string.IsNullOrWhiteSpace(a.Arm)))
            throw ApiException.BadRequest("invalid_arms", Texts.T("activation.arms.missing"));
        if (string.IsNullOrWhiteSpace(body.Segment))
            throw ApiException.BadRequest("invalid_body", Texts.T("server.api.body", "segment"));
        var within = body.Within ?? "30d";
        var window = DurationText.Parse(within) ?? throw ApiException.BadRequest("invalid_within", Texts.T("activation.within.bad", within));
        var root = host.Definition.Root;
        var path = ExperimentCatalog.FileFor(root, name);
        if (File.Exists(path))
            throw ApiException.Conflict("experiment_exists", Texts.T("activation.experiment.exists", name, Path.GetRelativePath(root, path)));
        var parsed = arms.Select(a => (a.Arm!.Trim(), a.Percent)).ToList();
        var yaml = ExperimentCatalog.Yaml(name, body.Segment.Trim(), parsed, body.Holdout ?? 100 - parsed.Sum(a => a.Percent),
            new ExperimentGoal(body.GoalEvent, window, body.GoalTag, body.GoalValue), body.Mde ?? 0.02m);
        var published = await host.ReadAsync((db, _) => PublishedCatalog.Load(db), cancellationToken);
        var caller = Caller.Of(context);
        var names = new ActivationNames([.. WorkspaceSegments.All(host.Definition).Segments.Where(s => policy.CanSee(s, caller)).Select(s => s.Name)],
            published is null ? null : policy.VisibleTags(published, caller));
        var diagnostics = new List<Diagnostic>();
        var relative = Path.GetRelativePath(root, path);
        if (ExperimentCatalog.ParseFile(relative, name, yaml, names, diagnostics) is null || diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, yaml, cancellationToken);
        state.Invalidate();
        await audit.RecordAsync(new AuditEntry(caller.Name, "experiment.create", name, After: yaml), cancellationToken);
        return TypedResults.Created(ServerApp.ApiPrefix + "/experiments/" + Uri.EscapeDataString(name), (object)new { name, file = relative, yaml });
    }
}
