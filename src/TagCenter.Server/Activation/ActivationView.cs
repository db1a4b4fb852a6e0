using Microsoft.AspNetCore.Http;
using TagCenter.Core.Activation;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Activation;
using TagCenter.Server.Access;

namespace TagCenter.Server.Activation;

/// <summary>
/// The part of activation one caller may see, asked by every activation endpoint: company-wide triggers and their
/// business line's, experiments on segments they can see, and the deliveries those made (an experiment arm delivers
/// under <c>experiment/&lt;name&gt;/&lt;arm&gt;</c>). Anything else answers as unknown, never as forbidden, so names
/// of another line do not leak.
/// </summary>
public sealed class ActivationView
{
    private readonly HashSet<string> _senders;
    private readonly HashSet<string> _segments;

    private ActivationView(ActivationWorkspace workspace, Caller caller, IDataPolicy policy)
    {
        Workspace = workspace;
        Caller = caller;
        Policy = policy;
        Triggers = TriggerCatalog.From([.. workspace.Triggers.Triggers.Where(t => policy.CanSeeLine(t.BusinessLine, caller))]);
        _segments = workspace.Segments.Segments.Where(s => policy.CanSee(s, caller)).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Experiments = ExperimentCatalog.From([.. workspace.Experiments.Experiments.Where(e => _segments.Contains(e.Segment))]);
        _senders = Triggers.Triggers.Select(t => t.Name)
            .Concat(Experiments.Experiments.SelectMany(e => e.Arms.Select(a => ExperimentOccurrences.TriggerName(e.Name, a.Name))))
            .ToHashSet(StringComparer.Ordinal);
    }

    public ActivationWorkspace Workspace { get; }

    public Caller Caller { get; }

    public IDataPolicy Policy { get; }

    public TriggerCatalog Triggers { get; }

    public ExperimentCatalog Experiments { get; }

    /// <summary>A caller without a business line sees every line, so nothing needs filtering.</summary>
    public bool SeesEverything => Caller.BusinessLine is null;

    /// <summary>The trigger names (and experiment arms) whose deliveries the caller may see.</summary>
    public IReadOnlyCollection<string> Senders => _senders;

    public static async Task<ActivationView> ForAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken) =>
        new(await state.CurrentAsync(cancellationToken).ConfigureAwait(false), Caller.Of(context), policy);

    /// <summary>Whether a delivery made under <paramref name="trigger"/> is the caller's to see.</summary>
    public bool SeesDelivery(string trigger) => SeesEverything || _senders.Contains(trigger);

    /// <summary>Whether a review candidate (<c>tag</c> or <c>segment</c>) is the caller's to see.</summary>
    public bool Sees(ReviewCandidate candidate, TagCatalog visibleTags) => SeesEverything || candidate.Kind switch
    {
        "tag" => visibleTags.Find(candidate.Name) is not null,
        "segment" => _segments.Contains(candidate.Name),
        _ => false,
    };
}
