using TagCenter.Core.Activation;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// What activation starts from, for the pipeline, the CLI and the server alike: the workspace's triggers and
/// experiments (checked against its segments and published tags), the activation store at
/// <c>.tagcenter/activation.db</c>, and the engine and dispatcher over them.
/// </summary>
public sealed class ActivationWorkspace : IDisposable
{
    // One client for the process: webhooks reuse connections; the dispatcher's Polly pipeline owns timeouts.
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly bool _ownsStore;

    private ActivationWorkspace(WorkspaceDefinition definition, SegmentCatalog segments, TagCatalog? catalog, TriggerCatalog triggers,
        ExperimentCatalog experiments, SqlActivationStore store, TimeProvider time, bool ownsStore)
    {
        _ownsStore = ownsStore;
        Definition = definition;
        Segments = segments;
        Catalog = catalog;
        Triggers = triggers;
        Experiments = experiments;
        Store = store;
        Time = time;
    }

    public WorkspaceDefinition Definition { get; }

    public SegmentCatalog Segments { get; }

    public TagCatalog? Catalog { get; }

    public TriggerCatalog Triggers { get; }

    public ExperimentCatalog Experiments { get; }

    public SqlActivationStore Store { get; }

    /// <summary>The clock (quiet hours and schedules are read in the workspace's zone by the policy itself).</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether the workspace declares any trigger or experiment (else activation has nothing to do after a run).</summary>
    public static bool Declared(WorkspaceDefinition definition) =>
        new[] { TriggerCatalog.Folder, ExperimentCatalog.Folder }.Any(f => Directory.Exists(Path.Combine(definition.Root, f))
            && Directory.EnumerateFiles(Path.Combine(definition.Root, f), "*.yaml").Any());

    /// <summary>Loads the declarations (a <see cref="WorkspaceException"/> lists what is wrong in them) and opens the store.</summary>
    public static ActivationWorkspace Open(WorkspaceDefinition definition, WorkspaceDatabase database, TimeProvider? time = null) =>
        Load(definition, PublishedCatalog.Load(database), ActivationStores.Open(ActivationStores.Configured, definition.Root), time, ownsStore: true);

    /// <summary>
    /// The declarations over a <paramref name="store"/> the caller keeps open (the server's one store); disposing this
    /// leaves the store open unless <paramref name="ownsStore"/>.
    /// </summary>
    public static ActivationWorkspace Load(WorkspaceDefinition definition, TagCatalog? catalog, SqlActivationStore store, TimeProvider? time, bool ownsStore = false)
    {
        try
        {
            var segments = WorkspaceSegments.All(definition);
            var names = new ActivationNames([.. segments.Segments.Select(s => s.Name)], catalog);
            var triggers = TriggerCatalog.Load(definition.Root, names);
            var experiments = ExperimentCatalog.Load(definition.Root, names);
            return new ActivationWorkspace(definition, segments, catalog, triggers, experiments, store,
                new ZonedTime(time ?? TimeProvider.System, definition.TimeZone), ownsStore);
        }
        catch when (ownsStore)
        {
            store.Dispose();
            throw;
        }
    }

    public TriggerEngine Engine() => new(Triggers.Triggers, Experiments.Experiments, Store, Definition.TimeZone, Time);

    public DeliveryDispatcher Dispatcher(HttpClient? http = null, DispatchOptions? options = null) =>
        new(Store, DeliveryDispatcher.Channels(Store, Definition.Root, http ?? Http, Time), Time, options);

    public void Dispose()
    {
        if (_ownsStore)
            Store.Dispose();
    }
}
