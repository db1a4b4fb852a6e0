namespace TagCenter.Client;

/// <summary>
/// <c>/api/v1/triggers</c>, <c>/deliveries</c>, <c>/experiments</c> and <c>/activation</c>: the triggers with their
/// deliveries, the dead letters and their replay, the experiments' results, tag evaluation and the review
/// (<c>tagcenter trigger|experiment|tag evaluate|review --json</c>). A key of one business line sees that line's only.
/// </summary>
public sealed class ActivationClient
{
    private const string Api = ApiConnection.Api;

    private readonly ApiConnection _api;

    internal ActivationClient(ApiConnection api) => _api = api;

    /// <summary>Each trigger with its deliveries counted per status (every status, zero when none).</summary>
    public Task<IReadOnlyList<TriggerSummary>> TriggersAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<TriggerSummary>>(Api + "triggers", cancellationToken);

    /// <summary>A trigger in full with its counts and its 20 latest deliveries; 404 for one the key may not see.</summary>
    public Task<TriggerDetail> TriggerAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<TriggerDetail>(Api + "triggers/" + Query.Segment(name), cancellationToken);

    /// <summary>Deliveries newest first, by <paramref name="trigger"/> and <paramref name="status"/> (<c>pending</c>, <c>delivered</c>, <c>dead</c>, <c>skipped_cap</c>, <c>skipped_consent</c>).</summary>
    public Task<IReadOnlyList<Delivery>> DeliveriesAsync(string? trigger = null, string? status = null, int? limit = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Delivery>>(Query.Path(Api + "deliveries", ("trigger", trigger), ("status", status), ("limit", limit)), cancellationToken);

    /// <summary>The dead letters: deliveries that failed every attempt.</summary>
    public Task<IReadOnlyList<Delivery>> DeadLettersAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Delivery>>(Query.Path(Api + "deliveries/dead", ("limit", limit)), cancellationToken);

    /// <summary>Sends a dead letter again (write keys): back to pending with the same delivery id; 409 <c>not_dead</c> for any other.</summary>
    public Task<Delivery> ReplayAsync(long id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Delivery>(HttpMethod.Post, Api + "deliveries/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/replay", null,
            repeatable: false, cancellationToken);

    /// <summary>Each experiment: its segment, arms with their shares, holdout and goal.</summary>
    public Task<IReadOnlyList<ExperimentSummary>> ExperimentsAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<ExperimentSummary>>(Api + "experiments", cancellationToken);

    /// <summary>An experiment's results per arm: conversion, lift against the holdout with its 95% interval and p-value.</summary>
    public Task<ExperimentResults> ExperimentAsync(string name, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ExperimentResults>(Api + "experiments/" + Query.Segment(name), cancellationToken);

    /// <summary>Per tag (or the one <paramref name="tag"/>): usage, coverage per run, stability and, with a goal event, each value's contribution.</summary>
    public Task<IReadOnlyList<TagEvaluation>> EvaluationAsync(string? tag = null, string? goalEvent = null, string? within = null,
        CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<TagEvaluation>>(Query.Path(Api + "activation/evaluation", ("tag", tag), ("goal_event", goalEvent), ("within", within)),
            cancellationToken);

    /// <summary>Tags and segments to consider retiring: unused, stale or with too little coverage.</summary>
    public Task<ActivationReview> ReviewAsync(int? unusedDays = null, double? minCoverage = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<ActivationReview>(Query.Path(Api + "activation/review", ("unused_days", unusedDays), ("min_coverage", minCoverage)), cancellationToken);
}
