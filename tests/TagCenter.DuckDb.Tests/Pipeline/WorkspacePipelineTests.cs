using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Tests.Segments;

namespace TagCenter.DuckDb.Tests.Pipeline;

/// <summary>
/// The shared run pipeline on four persons checked by hand (<see cref="SegmentFixture"/>): apply publishes, a run
/// computes the tags, writes the index and evaluates the segments, telling its progress in order.
/// </summary>
public sealed class WorkspacePipelineTests : IDisposable
{
    private const string Shanghai = """
        name: 上海
        type: dynamic
        rule: 城市 = '上海'
        """;

    private readonly SegmentFixture _fixture = new();

    public WorkspacePipelineTests() => _fixture.Workspace.WithFile("segments/上海.yaml", Shanghai);

    [Fact]
    public void Run_BeforeApply_IsAWorkspaceError()
    {
        var w = _fixture.Workspace;
        Assert.Throws<WorkspaceException>(() => WorkspacePipeline.Run(w.Database, w.Definition, SegmentFixture.First, TagSelection.All,
            SilentProgress.Instance, TimeProvider.System, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ApplyThenRun_ComputesTags_Index_AndSegments_InOrder()
    {
        var w = _fixture.Workspace;
        var plan = WorkspacePlan.Make(w.Database, w.Definition, SegmentFixture.First, apply: true, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(plan.Applied);
        Assert.Equal(["城市", "近30天订单"], plan.Plan.Changes.Select(c => c.Name).Order());

        var progress = new RecordingProgress();
        var run = WorkspacePipeline.Run(w.Database, w.Definition, SegmentFixture.First, TagSelection.All, progress, TimeProvider.System, TestContext.Current.CancellationToken);

        var report = Assert.IsType<TagCenter.DuckDb.Tags.TagRunReport>(run.Tags.Run);
        Assert.Equal(4, report.Persons);
        Assert.Equal(4, report.Tags.Single(t => t.Code == "city").WithValue);
        Assert.Equal(4, run.Tags.Index!.Persons);
        // 上海: P1, P2, P4 (P3 lives in 北京).
        Assert.Equal(3, run.Tags.Segments!.Runs.Single(r => r.Segment == "上海").Size);
        Assert.Equal(["tags", "tags done", "index", "index done", "segments", "segments done"], progress.Steps);

        // The JSON of run --json and of GET /runs/{id}: the same figures.
        var json = PipelineJson.ToNode(PipelineJson.Run(run, DateTimeOffset.UnixEpoch))!;
        Assert.Equal(4, json["run"]!["persons"]!.GetValue<long>());
        Assert.Equal(3, json["segments"]!["runs"]![0]!["size"]!.GetValue<long>());
    }

    [Fact]
    public void Run_DueOnly_WithNothingDue_RunsNoTags()
    {
        var w = _fixture.Workspace;
        WorkspacePlan.Make(w.Database, w.Definition, SegmentFixture.First, apply: true, TimeProvider.System, TestContext.Current.CancellationToken);
        WorkspacePipeline.Run(w.Database, w.Definition, SegmentFixture.First, TagSelection.All, SilentProgress.Instance, TimeProvider.System, TestContext.Current.CancellationToken);
        // Daily tags that ran a moment ago are not due again.
        var again = WorkspacePipeline.Run(w.Database, w.Definition, SegmentFixture.First, new TagSelection(null, DueOnly: true), SilentProgress.Instance, TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.Null(again.Tags.Run);
        Assert.Null(again.Tags.Segments);
    }

    [Fact]
    public void Run_Cancelled_Throws_AndStoresNoRun()
    {
        var w = _fixture.Workspace;
        WorkspacePlan.Make(w.Database, w.Definition, SegmentFixture.First, apply: true, TimeProvider.System, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => WorkspacePipeline.Run(w.Database, w.Definition, SegmentFixture.First, TagSelection.All,
            SilentProgress.Instance, TimeProvider.System, cancel.Token));
        Assert.Equal(0L, w.Database.TableExists("tag_runs") ? Convert.ToInt64(w.Rows("SELECT count(*) FROM tag_runs")[0][0], System.Globalization.CultureInfo.InvariantCulture) : 0L);
    }

    public void Dispose() => _fixture.Dispose();

    private sealed class RecordingProgress : IPipelineProgress
    {
        public List<string> Steps { get; } = [];

        public T Step<T>(PipelineStep step, string? item, Func<T> work)
        {
            Steps.Add(step.ToString().ToLowerInvariant());
            var result = work();
            Steps.Add(step.ToString().ToLowerInvariant() + " done");
            return result;
        }
    }
}
