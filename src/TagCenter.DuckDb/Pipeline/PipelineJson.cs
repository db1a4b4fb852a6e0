using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>
/// The reports of run and refresh as the CLI's <c>--json</c> prints them and the server's <c>GET /runs/{id}</c>
/// returns them: snake_case, enums as text, durations in seconds. One shape for both, so their figures agree.
/// </summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new SecondsConverter() },
    };

    /// <summary>A report as a JSON tree in that shape.</summary>
    public static JsonNode? ToNode(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), Options);

    /// <summary>The model attempts (as <c>model run</c> shows them).</summary>
    public static IReadOnlyList<object> Models(IReadOnlyList<ModelRunReport> reports) =>
        [.. reports.Select(r => new { model = r.Model, version = r.Version, ok = r.Succeeded, persons = r.Persons, message = r.Message, version_in_use = r.VersionInUse, seconds = r.Elapsed.TotalSeconds })];

    /// <summary>Each source's load: read = loaded + quarantined, the top reasons.</summary>
    public static object Loads(IReadOnlyList<SourceLoadResult> results) => results.Select(r => new
    {
        source = r.Source,
        status = r.Report?.Status.ToString().ToLowerInvariant() ?? "failed",
        error = r.Error,
        load_id = r.Report?.LoadId,
        read = r.Report?.Read,
        loaded = r.Report?.Loaded,
        quarantined = r.Report?.Quarantined,
        nulled = r.Report?.Nulled,
        top_reasons = r.Report?.TopReasons.Select(x => new { reason = x.Reason, column = x.Column, action = x.Action, count = x.Count }),
        seconds = r.Report is null ? (double?)null : Math.Round(r.Report.Elapsed.TotalSeconds, 3),
    }).ToList();

    /// <summary><c>run --json</c>: the tag run, its as-of, the stale inputs, the segment pass and the models (nothing due: no tags).</summary>
    public static object Run(RunReport run, DateTimeOffset asOfInstant) => run.Tags.Run is { } report
        ? new RunResultView(report, asOfInstant, run.Stale) { Segments = SegmentPassView.Of(run.Tags.Segments), Models = Models(run.Tags.Models) }
        : new { tags = Array.Empty<object>(), stale = run.Stale, models = Models(run.Tags.Models) };

    /// <summary>A duration is a number of seconds (3 decimals), not .NET's "00:00:01.2345678".</summary>
    private sealed class SecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromSeconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));
    }
}

/// <summary><c>run --json</c> when tags ran.</summary>
public sealed record RunResultView(TagRunReport Run, DateTimeOffset AsOfInstant, IReadOnlyList<string> Stale)
{
    public SegmentPassView? Segments { get; init; }

    public IReadOnlyList<object> Models { get; init; } = [];
}

/// <summary><c>refresh --json</c> (and the demo's refresh).</summary>
public sealed record RefreshResultView(
    object? Loads, Identity.IdentityRunReport? Identity, IReadOnlyList<string> DroppedFacts, TagRunReport? Tags,
    string? TagsSkipped, TimeSpan Elapsed)
{
    public int ExitCode { get; init; }

    public SegmentPassView? Segments { get; init; }

    /// <summary>The models trained before the tags (those that were due).</summary>
    public IReadOnlyList<object> Models { get; init; } = [];

    /// <summary>The view of <paramref name="r"/>; <paramref name="skipped"/> says why no tags ran, <paramref name="exitCode"/> the CLI's exit code.</summary>
    public static RefreshResultView Of(RefreshReport r, string? skipped, int exitCode) =>
        new(PipelineJson.Loads(r.Loads), r.Identity, r.DroppedFacts, r.Tags?.Run, skipped, r.Elapsed)
        {
            Segments = SegmentPassView.Of(r.Tags?.Segments),
            Models = PipelineJson.Models(r.Tags?.Models ?? []),
            ExitCode = exitCode,
        };
}

/// <summary>A segment pass as JSON: each segment's size, entered and left (diagnostics as text).</summary>
public sealed record SegmentPassView(long Seq, IReadOnlyList<SegmentRunView> Runs, IReadOnlyList<string> Problems, TimeSpan Elapsed)
{
    public static SegmentPassView? Of(SegmentPassReport? pass) => pass is null ? null
        : new(pass.Seq, [.. pass.Runs.Select(r => new SegmentRunView(r.Segment, r.Type, r.Size, r.Share, r.Entered, r.Left))], [.. pass.Problems.Select(p => p.ToString())], pass.Elapsed);
}

public sealed record SegmentRunView(string Name, string Type, long Size, double Share, long Entered, long Left);
