using System.Diagnostics;
using TagCenter.Core.Cleansing;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Ingest;

/// <summary>
/// Loads one source: read (untyped) → standardise and check in one SQL pass → de-duplicate → swap the
/// source table and its quarantine rows in one transaction. A failure anywhere leaves the previous state.
/// </summary>
public sealed class SourceLoader
{
    private readonly WorkspaceDatabase _database;
    private readonly WorkspaceDefinition _workspace;
    private readonly TimeProvider _time;

    public SourceLoader(WorkspaceDatabase database, WorkspaceDefinition workspace, TimeProvider time)
    {
        _database = database;
        _workspace = workspace;
        _time = time;
    }

    public Task<LoadReport> LoadAsync(SourceDefinition source, bool force, CancellationToken cancellationToken) =>
        LoadAsync(source, new LoadOptions(Force: force), cancellationToken);

    public async Task<LoadReport> LoadAsync(SourceDefinition source, LoadOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var force = options.Force;
        var stopwatch = Stopwatch.StartNew();
        var fingerprint = SourceFingerprint.Of(_workspace, source);
        if (!force && fingerprint is not null && IsUnchanged(source, fingerprint))
            return Unchanged(source, stopwatch.Elapsed);

        var loadId = RunIds.Next('L', _time);
        var started = _time.GetUtcNow().UtcDateTime;
        RawReadContext? context = null;
        var staging = new StagingTable(_database, source);
        // Ctrl-C interrupts the statement DuckDB is running; the swap is one transaction, so nothing is half-written.
        var interrupt = cancellationToken.Register(_database.Interrupt);
        try
        {
            context = new RawReadContext(_database, _workspace, source, Path.Combine(_workspace.Root, ".tagcenter", "tmp"));
            await RawReaders.For(source.Kind).ReadAsync(context, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            staging.Create(loadId, RawReadContext.RawRelation, _workspace.DefaultCountryCode, context.LineFromInsertionOrder is not null);
            context.AfterScan?.Invoke();
            if (context.LineFromInsertionOrder is { } firstLine)
                staging.NumberLines(firstLine);
            staging.MarkDuplicates();

            var (parsed, badRows, nulled, rejected) = staging.Count();
            var read = parsed + rejected;
            var quarantined = badRows + rejected;
            var reasons = staging.TopReasons();
            if (read > 0 && (double)quarantined / read > source.MaxRejectRatio)
                throw new SourceLoadException(source.Name, Texts.T("ingest.too_many_rejects", quarantined, read, source.MaxRejectRatio,
                    string.Join("; ", reasons.Take(3).Select(r => $"{r.Reason}{(r.Column is null ? "" : $" ({r.Column})")} × {r.Count:N0}"))));
            if (!options.AllowShrink)
                RequireNoShrink(source, parsed - badRows);

            cancellationToken.ThrowIfCancellationRequested();
            Commit(staging, source, loadId, fingerprint, started, read, parsed - badRows, quarantined, nulled);
            return new LoadReport(source.Name, loadId, LoadStatus.Loaded, read, parsed - badRows, quarantined, nulled, reasons, stopwatch.Elapsed);
        }
        catch (Exception e) when (e is TagCenterException or IOException or UnauthorizedAccessException)
        {
            // An interrupted statement is the cancellation itself, not a failure of the source.
            cancellationToken.ThrowIfCancellationRequested();
            var failure = e switch
            {
                EngineException engine => new SourceLoadException(source.Name, Texts.T("ingest.engine_failed", source.Path ?? source.Table ?? "query", EngineErrors.Reason(engine)), engine),
                IOException or UnauthorizedAccessException => new SourceLoadException(source.Name, Texts.T("ingest.io_failed", source.Path, e.Message), e),
                _ => e,
            };
            RecordFailure(source, loadId, started, failure.Message);
            if (ReferenceEquals(failure, e))
                throw;
            throw failure;
        }
        finally
        {
            await interrupt.DisposeAsync().ConfigureAwait(false);
            staging.Drop();
            DropStaging();
            context?.Cleanup?.Invoke();
        }
    }

    /// <summary>Refuses a load that would empty a source with rows, or shrink it by more than its max_shrink.</summary>
    private void RequireNoShrink(SourceDefinition source, long loaded)
    {
        if (!_database.TableExists(source.TableName))
            return;
        var now = _database.Scalar<long>($"SELECT count(*) FROM {SqlText.Ident(source.TableName)}");
        if (now == 0 || loaded >= now)
            return;
        if (loaded == 0)
            throw new SourceLoadException(source.Name, Texts.T("ingest.would_empty", now));
        if (source.MaxShrink is { } max && (double)(now - loaded) / now > max)
            throw new SourceLoadException(source.Name, Texts.T("ingest.would_shrink", now, loaded, (double)(now - loaded) / now, max));
    }


    private bool IsUnchanged(SourceDefinition source, string fingerprint) =>
        _database.TableExists(source.TableName) &&
        _database.Scalar<string>(
            "SELECT fingerprint FROM loads WHERE source = $1 AND status = 'loaded' ORDER BY finished_at DESC LIMIT 1",
            source.Name) == fingerprint;

    private LoadReport Unchanged(SourceDefinition source, TimeSpan elapsed)
    {
        var last = _database.Rows(
            "SELECT load_id, read, loaded, quarantined, nulled FROM loads WHERE source = $1 AND status = 'loaded' ORDER BY finished_at DESC LIMIT 1",
            source.Name)[0];
        return new LoadReport(source.Name, (string)last[0]!, LoadStatus.Unchanged, Convert.ToInt64(last[1]), Convert.ToInt64(last[2]),
            Convert.ToInt64(last[3]), Convert.ToInt64(last[4]), QuarantineReasons(source.Name), elapsed);
    }

    internal List<ReasonCount> QuarantineReasons(string source) => _database.Rows("""
            SELECT reason, "column", count(*) AS n FROM quarantine WHERE source = $1 GROUP BY ALL ORDER BY n DESC, reason LIMIT 10
            """, source).Select(r => new ReasonCount((string)r[0]!, (string?)r[1], Convert.ToInt64(r[2]))).ToList();

    private void Commit(StagingTable staging, SourceDefinition source, string loadId, string? fingerprint, DateTime started,
        long read, long loaded, long quarantined, long nulled)
    {
        staging.Prepare(loadId);
        _database.InTransaction(() =>
        {
            staging.SwapIn();
            _database.Execute(
                "INSERT INTO loads (load_id, source, location, fingerprint, started_at, finished_at, read, loaded, quarantined, nulled, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'loaded')",
                loadId, source.Name, source.Path ?? source.Table ?? "query", fingerprint, started, _time.GetUtcNow().UtcDateTime,
                read, loaded, quarantined, nulled);
        });
    }

    private void RecordFailure(SourceDefinition source, string loadId, DateTime started, string error)
    {
        try
        {
            _database.Execute(
                "INSERT INTO loads (load_id, source, location, started_at, finished_at, status, error) VALUES ($1, $2, $3, $4, $5, 'failed', $6)",
                loadId, source.Name, source.Path ?? source.Table ?? "query", started, _time.GetUtcNow().UtcDateTime, error);
        }
        catch (EngineException)
        {
            // Recording the failure is best effort; the original error is what the user needs.
        }
    }

    private void DropStaging()
    {
        foreach (var view in new[] { RawReadContext.RawRelation })
            _database.Execute($"DROP VIEW IF EXISTS temp.{view}");
        foreach (var table in new[] { RawReadContext.Rejects, "tc_lines", "tc_json", "tc_parquet", "tc_pg", "tc_rejects", "tc_rejects_scan" })
            _database.Execute($"DROP TABLE IF EXISTS temp.{table}");
    }
}
