using TagCenter.Server.Hosting;

namespace TagCenter.Server.Tests.Hosting;

/// <summary>The workspace's writes run on a thread of their own, in order, with <c>Task.Run</c>'s outcomes.</summary>
public class WriterThreadTests
{
    [Fact]
    public async Task Writes_RunInOrder_OnOneThreadThatIsNotThePools()
    {
        using var writer = new WriterThread("test writer");
        var order = new List<int>();
        var threads = new HashSet<(string?, bool)>();
        var writes = Enumerable.Range(0, 20).Select(i => writer.Run(() =>
        {
            order.Add(i);
            threads.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            return i * 2;
        }, CancellationToken.None)).ToList();

        (await Task.WhenAll(writes)).ShouldBe(Enumerable.Range(0, 20).Select(i => i * 2));
        order.ShouldBe(Enumerable.Range(0, 20));
        threads.ShouldBe([("test writer", false)]);
    }

    [Fact]
    public async Task WithANiceValue_WritesRunBelowTheOtherThreads_AndWithoutOne_Alongside()
    {
        var caller = NiceProbe.OfThisThread();
        using var lowered = new WriterThread("test writer", nice: 10);
        using var plain = new WriterThread("test writer");

        (await lowered.Run(NiceProbe.OfThisThread, CancellationToken.None)).ShouldBe(Math.Min(19, caller + 10), "ten steps below, whatever the process runs at");
        (await plain.Run(NiceProbe.OfThisThread, CancellationToken.None)).ShouldBe(caller);
        NiceProbe.OfThisThread().ShouldBe(caller, "only the writer's thread is lowered");
    }

    [Fact]
    public async Task AFailedWrite_FailsItsTask_AndTheNextStillRuns()
    {
        using var writer = new WriterThread("test writer");
        var failed = writer.Run<int>(() => throw new InvalidOperationException("disk full"), CancellationToken.None);

        (await Should.ThrowAsync<InvalidOperationException>(failed)).Message.ShouldBe("disk full");
        (await writer.Run(() => 7, CancellationToken.None)).ShouldBe(7);
    }

    [Fact]
    public async Task Cancelled_BeforeItStarts_TheWriteDoesNotRun_AndTheTaskIsCancelled()
    {
        using var writer = new WriterThread("test writer");
        using var hold = new ManualResetEventSlim();
        var holding = writer.Run(() => hold.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var queued = writer.Run(() => ran = true, cancel.Token);
        await cancel.CancelAsync();
        hold.Set();

        await holding;
        await Should.ThrowAsync<OperationCanceledException>(queued);
        queued.IsCanceled.ShouldBeTrue();
        ran.ShouldBeFalse();
    }

    [Fact]
    public async Task AWriteCancellingItself_WithTheCallersToken_IsCancelled_NotFaulted()
    {
        using var writer = new WriterThread("test writer");
        using var cancel = new CancellationTokenSource();
        var write = writer.Run<int>(() =>
        {
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
            return 0;
        }, cancel.Token);

        await Should.ThrowAsync<OperationCanceledException>(write);
        write.IsCanceled.ShouldBeTrue();
    }

    [Fact]
    public async Task Dispose_FinishesTheWritesAlreadyQueued()
    {
        var writer = new WriterThread("test writer");
        var done = 0;
        var writes = Enumerable.Range(0, 5).Select(_ => writer.Run(() => { Thread.Sleep(10); return Interlocked.Increment(ref done); }, CancellationToken.None)).ToList();
        writer.Dispose();

        done.ShouldBe(5);
        (await Task.WhenAll(writes)).Order().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task TheCallersContext_Flows_AsThroughTaskRun_SoAWriteSpeaksTheRequestsLanguage()
    {
        using var writer = new WriterThread("test writer");
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
            Scope.Value = "request 42";
            (await writer.Run(() => (System.Globalization.CultureInfo.CurrentUICulture.Name, Scope.Value), CancellationToken.None)).ShouldBe(("zh-CN", "request 42"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
            Scope.Value = null;
        }
    }

    private static readonly AsyncLocal<string?> Scope = new();
}
