using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// One row read from the engine, by column name, over the column positions every row of the same read shares: an
/// array of values and a reference, where a dictionary per row would hold a hash table of its own. Real time reads
/// every fact row of each person a batch touches, so this is most of what it allocates (and what the garbage
/// collector pauses to copy while a batch is in flight).
/// </summary>
internal sealed class EngineRow(IReadOnlyDictionary<string, int> columns, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => columns.TryGetValue(key, out var i) ? values[i] : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => columns.Keys;

    public IEnumerable<object?> Values => columns.Values.Select(i => values[i]);

    public int Count => columns.Count;

    public bool ContainsKey(string key) => columns.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (columns.TryGetValue(key, out var i))
        {
            value = values[i];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        columns.Select(c => new KeyValuePair<string, object?>(c.Key, values[c.Value])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
