using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace TagCenter.Client;

/// <summary>
/// A typed client of a TagCenter server: one sub-client per API group (<see cref="Tags"/>, <see cref="Segments"/>,
/// <see cref="Profiles"/>, …), records in the API's snake_case JSON, errors as <see cref="TagCenterApiException"/>
/// with the server's code and diagnostics, and retries of what may safely be sent again.
/// </summary>
/// <example>
/// <code>
/// // With dependency injection (a typed HttpClient with the standard resilience handler):
/// services.AddTagCenterClient(o =&gt; { o.BaseAddress = new Uri("https://tags.example.com/"); o.ApiKey = "tc_…"; o.Language = "zh"; });
/// // … or alone:
/// using var tags = new TagCenterClient(new TagCenterClientOptions { BaseAddress = new Uri("http://localhost:5080/"), ApiKey = "tc_…" });
/// var count = await tags.Segments.CountAsync("城市 = '上海' and 累计消费金额 &gt; 3000");
/// Console.WriteLine($"{count.Size} of {count.Persons}");
/// await foreach (var page in tags.Segments.MembersAsync("high_value")) { /* page.Members */ }
/// try { await tags.Segments.CountAsync("no_such_tag &gt; 3"); }
/// catch (TagCenterApiException e) when (e.Code == "workspace_invalid") { /* e.Diagnostics[0].Line, .Column, .Message */ }
/// </code>
/// </example>
public sealed class TagCenterClient : IDisposable, IAsyncDisposable
{
    private readonly HttpClient? _owned;

    /// <summary>A client over <paramref name="http"/> as it is (its base address and headers, e.g. the key already set).</summary>
    public TagCenterClient(HttpClient http) : this(http, new TagCenterClientOptions(), owned: false) { }

    /// <summary>A client over <paramref name="http"/> (a typed or factory client) sending <paramref name="options"/>' key and language.</summary>
    public TagCenterClient(HttpClient http, TagCenterClientOptions options) : this(http, options.Copy(), owned: false) { }

    /// <summary>A client with an <see cref="HttpClient"/> of its own (retries as <see cref="TagCenterRetry"/> says), disposed with it.</summary>
    public TagCenterClient(TagCenterClientOptions options) : this(Create(options, null), options.Copy(), owned: true) { }

    /// <summary>As the public one, over <paramref name="inner"/> instead of sockets (tests).</summary>
    internal TagCenterClient(TagCenterClientOptions options, HttpMessageHandler inner) : this(Create(options, inner), options.Copy(), owned: true) { }

    private TagCenterClient(HttpClient http, TagCenterClientOptions options, bool owned)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
            http.BaseAddress = Base(options.BaseAddress ?? throw new ArgumentException("BaseAddress is required when the HttpClient has none.", nameof(options)));
        if (owned)
            _owned = http;
        var connection = new ApiConnection(http, options);
        Tags = new TagsClient(connection);
        Segments = new SegmentsClient(connection);
        Profiles = new ProfilesClient(connection);
        Status = new StatusClient(connection);
        Runs = new RunsClient(connection);
        Ingest = new IngestClient(connection, TimeProvider.System);
        Stream = new StreamClient(connection);
        Analysis = new AnalysisClient(connection);
        Boards = new BoardsClient(connection);
        Models = new ModelsClient(connection);
        Workspace = new WorkspaceClient(connection);
        Drafts = new DraftsClient(connection);
        Users = new UsersClient(connection);
        Keys = new KeysClient(connection);
        Audit = new AuditClient(connection);
        Activation = new ActivationClient(connection);
        Me = new MeClient(connection);
    }

    /// <summary>The tag tree, the dictionary, one tag with lineage and distribution, why a person holds a value.</summary>
    public TagsClient Tags { get; }

    /// <summary>Segments: list, one, count a rule, members a page at a time, export, explain; create, update, delete.</summary>
    public SegmentsClient Segments { get; }

    /// <summary>A person by any identifier.</summary>
    public ProfilesClient Profiles { get; }

    /// <summary>Each source's last load and each stage's freshness.</summary>
    public StatusClient Status { get; }

    /// <summary>Start a refresh or a tag run, watch it until it is done, cancel it, the history of runs.</summary>
    public RunsClient Runs { get; }

    /// <summary>Segment-shaped events to <c>/v1/batch</c>, batched within Segment's limits; call <see cref="IngestClient.FlushAsync"/> (or dispose asynchronously) to send the rest.</summary>
    public IngestClient Ingest { get; }

    /// <summary>Server-sent events of persons entering and leaving a segment.</summary>
    public StreamClient Stream { get; }

    /// <summary>Portrait (TGI), overlap, funnel, paths, conversion.</summary>
    public AnalysisClient Analysis { get; }

    /// <summary>Crowd boards.</summary>
    public BoardsClient Boards { get; }

    /// <summary>The workspace's models, their versions and outputs.</summary>
    public ModelsClient Models { get; }

    /// <summary>Plan and apply the workspace files (tags as code).</summary>
    public WorkspaceClient Workspace { get; }

    /// <summary>Propose changes to tags and segments; approve or reject them.</summary>
    public DraftsClient Drafts { get; }

    /// <summary>Users (admin keys).</summary>
    public UsersClient Users { get; }

    /// <summary>API keys (admin keys).</summary>
    public KeysClient Keys { get; }

    /// <summary>The audit log (admin keys).</summary>
    public AuditClient Audit { get; }

    /// <summary>Triggers and their deliveries, dead letters and replay, experiments, tag evaluation and the review.</summary>
    public ActivationClient Activation { get; }

    /// <summary>Who the key acts for and what it may do.</summary>
    public MeClient Me { get; }

    public void Dispose() => _owned?.Dispose();

    /// <summary>Sends the events still queued for ingest, then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Ingest.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>The base address with a trailing slash, so the API's relative routes keep its path.</summary>
    internal static Uri Base(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");

    private static HttpClient Create(TagCenterClientOptions options, HttpMessageHandler? inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = new HttpRetryStrategyOptions();
        TagCenterRetry.Configure(retry, options);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(retry).Build();
        var handler = new ResilienceHandler(pipeline) { InnerHandler = inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };
        return new HttpClient(handler, disposeHandler: true) { Timeout = options.Timeout };
    }
}
