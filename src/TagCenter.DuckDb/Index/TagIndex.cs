using System.Collections.Concurrent;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Index;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// The workspace's bitmap index (<c>.tagcenter/index/tags.tcindex</c>), memory-mapped: opening reads only the
/// directory; each bitmap is read when a query first touches it and then kept, so repeated counts never touch the
/// file again. Thread-safe for reads. The returned bitmaps are shared: callers must not modify them.
/// </summary>
public sealed class TagIndex : ITagIndex, IDisposable
{
    public const string FileName = "tags.tcindex";

    private readonly IndexFileReader _reader;
    private readonly Dictionary<string, IndexManifestTag> _tags;
    private readonly ConcurrentDictionary<long, RoaringBitmap> _bitmaps = new();
    private readonly ConcurrentDictionary<string, BitSlicedIndex> _ranges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, RangeTest, RangeTest?), RoaringBitmap> _rangeResults = new();

    private TagIndex(IndexFileReader reader)
    {
        _reader = reader;
        var activity = reader.Manifest.Activity ?? [];
        _tags = reader.Manifest.Tags.Concat(activity).Concat(reader.Manifest.Person ?? []).ToDictionary(t => t.Code, StringComparer.Ordinal);
        Tags = [.. reader.Manifest.Tags.Select(t => new IndexedTag(t.Code, t.Kind, t.Encoding))];
        Activity = [.. activity.Select(t => new IndexedTag(t.Code, t.Kind, t.Encoding))];
    }

    public static string FolderOf(string workspaceRoot) => Path.Combine(workspaceRoot, ".tagcenter", "index");

    public static string PathOf(string workspaceRoot) => Path.Combine(FolderOf(workspaceRoot), FileName);

    /// <summary>The index of the workspace, or null when none was built; a damaged file throws <see cref="IndexFileException"/>.</summary>
    public static TagIndex? Open(string workspaceRoot)
    {
        var path = PathOf(workspaceRoot);
        return File.Exists(path) ? OpenFile(path) : null;
    }

    public static TagIndex OpenFile(string path) => new(IndexFileReader.Open(path));

    /// <summary>The index, checked to be built from the last tag run: a clear error when missing or older.</summary>
    public static TagIndex OpenCurrent(string workspaceRoot, WorkspaceDatabase db)
    {
        var index = Open(workspaceRoot) ?? throw new TagCenterException(Texts.T("index.missing", PathOf(workspaceRoot)));
        var last = LastRun(db);
        if (last is not null && !string.Equals(last, index.RunId, StringComparison.Ordinal))
        {
            index.Dispose();
            throw new TagCenterException(Texts.T("index.stale", index.RunId, last));
        }
        return index;
    }

    /// <summary>The index when it was built from the last tag run; null when there is none or it is older (callers fall back to SQL).</summary>
    public static TagIndex? OpenIfCurrent(string workspaceRoot, WorkspaceDatabase db)
    {
        var index = Open(workspaceRoot);
        if (index is null || string.Equals(LastRun(db), index.RunId, StringComparison.Ordinal))
            return index;
        index.Dispose();
        return null;
    }

    /// <summary>The id of the last successful tag run, or null before any.</summary>
    public static string? LastRun(WorkspaceDatabase db) => db.TableExists("tag_runs")
        ? db.Scalar<string>("SELECT run_id FROM tag_runs WHERE status = 'ok' ORDER BY finished_at DESC, run_id DESC LIMIT 1")
        : null;

    public IndexManifest Manifest => _reader.Manifest;

    public string RunId => Manifest.RunId;

    public long Persons => Manifest.Persons;

    public RoaringBitmap All => Load(Manifest.All, "*");

    public IReadOnlyList<IndexedTag> Tags { get; }

    public IReadOnlyList<IndexedTag> Activity { get; }

    public DateTime? ActivityAnchor => Activity.Count == 0 ? null : Manifest.ActivityAnchor;

    public DateTime? AgeAnchor => _tags.ContainsKey(PlanBuilder.AgeCode) ? Manifest.AgeAnchor : null;

    public IndexedTag? Find(string tagCode) => _tags.TryGetValue(tagCode, out var t) ? new IndexedTag(t.Code, t.Kind, t.Encoding) : null;

    public IReadOnlyList<string> Values(string tagCode) =>
        _tags.TryGetValue(tagCode, out var t) && t.Kind == IndexedAs.Values ? t.ValueList : [];

    public RoaringBitmap Equal(string tagCode, string value)
    {
        if (!_tags.TryGetValue(tagCode, out var t) || t.Kind != IndexedAs.Values)
            return new RoaringBitmap();
        for (var i = 0; i < t.ValueList.Count; i++)
            if (string.Equals(t.ValueList[i], value, StringComparison.Ordinal))
                return Load(t.Bitmaps[i], t.Code);
        return new RoaringBitmap();
    }

    public RoaringBitmap HasValue(string tagCode) =>
        _tags.TryGetValue(tagCode, out var t) ? Load(t.HasValue, t.Code) : new RoaringBitmap();

    /// <summary>
    /// The persons whose value compares as asked, from the bit-sliced index; the last <see cref="RangeResults"/>
    /// answers are kept for the set operations that need the persons (members, portraits, boards) and for counts that
    /// ask for a range again (<see cref="KeptRange"/>); a count compares a range new to it on <see cref="RangeIndex"/>,
    /// within the rest of its rule (<see cref="IndexPlanExecutor.Count"/>).
    /// </summary>
    public RoaringBitmap Range(string tagCode, RangeOperator op, long value) =>
        Answer((tagCode, new RangeTest(op, value), null), () => RangeIndex(tagCode)?.Range(op, value));

    /// <summary>Both ends of a range in one pass over the slices; kept as <see cref="Range(string, RangeOperator, long)"/>'s answers are.</summary>
    public RoaringBitmap Range(string tagCode, RangeTest first, RangeTest second) =>
        Answer((tagCode, first, second), () => RangeIndex(tagCode)?.Range([first, second]));

    /// <summary>
    /// For a count: the persons of a range when they are kept; null otherwise, and the count compares the range
    /// within the rest of its rule. A range asked for a second time is built and kept in the background (a rule being
    /// edited counts its unchanged parts again on every keystroke, and a kept set is cheaper than comparing again),
    /// so no count waits for a build.
    /// </summary>
    public RoaringBitmap? KeptRange(string tagCode, RangeTest first, RangeTest? second)
    {
        var key = (tagCode, first, second);
        if (_rangeResults.TryGetValue(key, out var known))
            return known;
        if (_seen.TryAdd(key, Seen))
        {
            if (_seen.Count > RangeResults * 4)
                _seen.Clear();
        }
        else if (_seen.TryUpdate(key, Building, Seen))
            _ = Task.Run(() => Keep(key));
        return null;
    }

    private void Keep((string Tag, RangeTest First, RangeTest? Second) key)
    {
        try
        {
            _ = key.Second is { } other ? Range(key.Tag, key.First, other) : Range(key.Tag, key.First.Operator, key.First.Value);
            _seen.TryUpdate(key, Seen, Building); // once the kept answers are cleared, a later count builds it again
        }
        catch (Exception e) when (e is ObjectDisposedException or IndexFileException)
        {
            _seen.TryRemove(key, out _); // the file closed or is damaged: counts go on comparing, as before
        }
    }

    private const byte Seen = 0;
    private const byte Building = 1;

    private readonly ConcurrentDictionary<(string, RangeTest, RangeTest?), byte> _seen = new();

    private RoaringBitmap Answer((string, RangeTest, RangeTest?) key, Func<RoaringBitmap?> compute)
    {
        if (_rangeResults.TryGetValue(key, out var known))
            return known;
        var result = compute() ?? new RoaringBitmap();
        if (_rangeResults.Count >= RangeResults)
            _rangeResults.Clear();
        _rangeResults[key] = result;
        return result;
    }

    /// <summary>How many range answers are kept.</summary>
    public const int RangeResults = 64;

    public BitSlicedIndex? RangeIndex(string tagCode)
    {
        if (!_tags.TryGetValue(tagCode, out var t) || t.Kind != IndexedAs.Range)
            return null;
        return _ranges.GetOrAdd(tagCode, _ => new BitSlicedIndex(t.Base, Load(t.HasValue, t.Code), [.. t.Bitmaps.Select(s => Load(s, t.Code))]));
    }

    private RoaringBitmap Load(BitmapSlot slot, string tag) => _bitmaps.GetOrAdd(slot.Offset, _ => _reader.Read(slot, tag));

    public void Dispose() => _reader.Dispose();
}
