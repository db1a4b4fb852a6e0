using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using TagCenter.Server.Health;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Hosting;

/// <summary>
/// <c>tagcenter serve</c>: one ASP.NET Core minimal-API application over one workspace. Each feature keeps its
/// endpoints in its own folder as one group (<c>Map…</c>) and its services in one <c>Add…</c>; this class only lists
/// them. The OpenAPI document is at <c>/openapi/v1.json</c> and the interactive reference at <c>/docs</c>.
/// </summary>
public static class ServerApp
{
    /// <summary>The API's routes start with this (Segment-compatible ingest keeps Segment's own <c>/v1/…</c>).</summary>
    public const string ApiPrefix = "/api/v1";

    /// <summary>Builds the application; <paramref name="configure"/> lets tests swap services or the server (TestServer).</summary>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "TagCenter", ContentRootPath = options.WorkspaceRoot });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        ConfigureLogging(builder.Logging);
        AddServices(builder.Services, options);
        configure?.Invoke(builder);
        var app = builder.Build();
        Use(app, options);
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WorkspaceHost(options, sp.GetRequiredService<TimeProvider>()));
        services.ConfigureHttpJsonOptions(o => Json(o.SerializerOptions));
        // A body or parameter minimal APIs cannot bind is thrown (BadHttpRequestException → 400 ProblemDetails saying what), not a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblems>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TagCenter API";
            document.Info.Description = "统一标签中心 · unified tag center: tags, segments, analysis, profiles, runs, models, and Segment-compatible event ingest.";
            return Task.CompletedTask;
        }));
        ApiScopes.Add(services);
        Governance.GovernanceServices.Add(services, options);
        // One line per feature: its services.
        services.AddSingleton<Runs.BackgroundRuns>().AddHostedService(sp => sp.GetRequiredService<Runs.BackgroundRuns>());
        services.AddSingleton<Segments.SegmentAccess>();
        services.AddSingleton<Segments.SegmentRuns>();
        RealtimeServices.Add(services);
        Ingest.IngestServices.Add(services);
        Activation.ActivationServices.Add(services);
        Web.Hosting.ConsoleApp.Add(services);
    }

    private static void Use(WebApplication app, ServerOptions options)
    {
        app.Use((context, next) => RequestLanguage.Use(context, next, options.DefaultLanguage));
        app.UseExceptionHandler();
        app.UseStatusCodePages(async status =>
        {
            // Unknown routes and wrong methods answer as every other error does.
            var context = status.HttpContext;
            var code = context.Response.StatusCode switch { 404 => "route_not_found", 405 => "method_not_allowed", 401 => "unauthenticated", 403 => "forbidden", 400 => "bad_request", _ => "http_" + context.Response.StatusCode };
            var detail = code is "route_not_found" or "method_not_allowed"
                ? Core.Text.Texts.T("server.api.route", context.Request.Method, context.Request.Path)
                : Core.Text.Texts.T("server.api.status." + (context.Response.StatusCode is 400 or 401 or 403 or 413 or 415 ? context.Response.StatusCode : 400));
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ApiProblems.Problem(context, context.Response.StatusCode, code, detail),
            });
        });
        app.UseCors(); // the ingest endpoints' policy only (Ingest.IngestEndpoints.CorsPolicy); before the keys are asked for
        app.UseAuthentication();
        app.UseAuthorization();
        Governance.GovernanceServices.Use(app);
    }

    private static void MapEndpoints(WebApplication app)
    {
        // The API's description is for callers: behind a read key like the rest (the browser asks for it on /docs).
        app.MapOpenApi().RequireScope(ApiScopes.Read);
        app.MapScalarApiReference("/docs", o => o.WithTitle("TagCenter API")).RequireScope(ApiScopes.Read);
        HealthEndpoints.Map(app);
        StreamEndpoints.Map(app.MapGroup("/v1/stream").WithTags("stream")); // the path, beside Segment's /v1/…
        var api = app.MapGroup(ApiPrefix); // one line per feature: its endpoint group
        Governance.AccessEndpoints.MapUsers(api.MapGroup("/users").WithTags("users"));
        Governance.AccessEndpoints.MapKeys(api.MapGroup("/keys").WithTags("keys"));
        Governance.AuditEndpoints.Map(api.MapGroup("/audit").WithTags("audit"));
        Access.MeEndpoints.Map(api.MapGroup("/me").WithTags("me"));
        Governance.Drafts.DraftEndpoints.Map(api.MapGroup("/drafts").WithTags("drafts"));
        Ingest.IngestEndpoints.Map(app, api.MapGroup("/ingest").WithTags("ingest"));
        Tags.TagsEndpoints.Map(api.MapGroup("/tags").WithTags("tags"));
        Runs.RunsEndpoints.Map(api.MapGroup("/runs").WithTags("runs"));
        Profiles.ProfilesEndpoints.Map(api.MapGroup("/profiles").WithTags("profiles"));
        Status.StatusEndpoints.Map(api.MapGroup("/status").WithTags("status"));
        Models.ModelsEndpoints.Map(api.MapGroup("/models").WithTags("models"));
        Workspace.WorkspaceEndpoints.Map(api);
        Segments.SegmentsEndpoints.Map(api.MapGroup("/segments").WithTags("segments"));
        Analysis.AnalysisEndpoints.Map(api.MapGroup("/analysis").WithTags("analysis"));
        Analysis.BoardsEndpoints.Map(api.MapGroup("/boards").WithTags("boards"));
        Activation.ActivationEndpoints.Map(api); // /triggers, /deliveries, /experiments, /activation
        Web.Hosting.ConsoleApp.Map(app); // the web console at /, a client of the API above
    }

    /// <summary>The JSON of the API: snake_case as the CLI's <c>--json</c>, enums as text, no nulls left out.</summary>
    public static void Json(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        // Structured logs: JSON lines for collectors (TAGCENTER_LOG_FORMAT=json), else one readable line per entry.
        if (Environment.GetEnvironmentVariable("TAGCENTER_LOG_FORMAT") == "json")
            logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        else
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error); // keys for cookies we do not issue
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning); // serve prints where it listens itself
    }
}
