using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Activation;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// What the activation commands start from: the workspace's triggers and experiments (checked against its segments
/// and published tags), the activation store at <c>.tagcenter/activation.db</c>, and the engine and dispatcher over them.
/// </summary>
internal sealed class ActivationWorkspace : IDisposable
{
    // One client for the process: webhooks reuse connections; the dispatcher's Polly pipeline owns timeouts.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private ActivationWorkspace(WorkspaceDefinition definition, SegmentCatalog segments, TagCatalog? catalog, TriggerCatalog triggers,
        ExperimentCatalog experiments, SqliteActivationStore store)
    {
        Definition = definition;
        Segments = segments;
        Catalog = catalog;
        Triggers = triggers;
        Experiments = experiments;
        Store = store;
        Time = WorkspaceClock.For(definition);
    }

    public WorkspaceDefinition Definition { get; }

    public SegmentCatalog Segments { get; }

    public TagCatalog? Catalog { get; }

    public TriggerCatalog Triggers { get; }

    public ExperimentCatalog Experiments { get; }

    public SqliteActivationStore Store { get; }

    /// <summary>The system clock in the workspace's time zone (quiet hours and schedules are local to the workspace).</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether the workspace declares any trigger or experiment (else activation has nothing to do after a run).</summary>
    public static bool Declared(WorkspaceDefinition definition) =>
        new[] { TriggerCatalog.Folder, ExperimentCatalog.Folder }.Any(f => Directory.Exists(Path.Combine(definition.Root, f))
            && Directory.EnumerateFiles(Path.Combine(definition.Root, f), "*.yaml").Any());

    public static ActivationWorkspace Open(WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        var segments = SegmentWorkspace.All(definition);
        var catalog = PublishedCatalog.Load(database);
        var names = new ActivationNames([.. segments.Segments.Select(s => s.Name)], catalog);
        var triggers = TriggerCatalog.Load(definition.Root, names);
        var experiments = ExperimentCatalog.Load(definition.Root, names);
        return new ActivationWorkspace(definition, segments, catalog, triggers, experiments,
            SqliteActivationStore.Open(SqliteActivationStore.PathIn(definition.Root)));
    }

    public TriggerEngine Engine() => new(Triggers.Triggers, Experiments.Experiments, Store, Definition.TimeZone, Time);

    public DeliveryDispatcher Dispatcher() =>
        new(Store, DeliveryDispatcher.Channels(Store, Definition.Root, Http, Time), Time);

    public void Dispose() => Store.Dispose();
}
