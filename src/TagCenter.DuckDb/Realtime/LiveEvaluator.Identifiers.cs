using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

public sealed partial class LiveEvaluator
{
    /// <summary>The person every identifier of the row names, or null when one is unknown, names another entity or another person.</summary>
    private string? OneIdOf(WorkspaceDatabase db, SourceDefinition source, Dictionary<string, object?> row)
    {
        string? found = null;
        foreach (var column in source.Columns)
        {
            if (column.Identifier is not { } type || row[column.Name] is not string value)
                continue;
            if (_of.Entities.TryGetValue(type, out var entity) && entity != "person")
                return null;
            if (_unknown.Contains((type, value)))
                return null;
            if (!_identifiers.TryGetValue((type, value), out var oneId))
            {
                if (db.Rows("SELECT min(oneid) FROM identity_map WHERE type = $1 AND value = $2 AND entity = 'person'", type, value)[0][0] is not string known)
                {
                    _unknown.Add((type, value));
                    return null;
                }
                _identifiers[(type, value)] = oneId = known;
            }
            if (found is not null && found != oneId)
                return null;
            found = oneId;
        }
        return found;
    }

    /// <summary>Keeps the identifiers of <paramref name="oneIds"/> that events carry, so placing their events asks the engine nothing.</summary>
    private void Identifiers(WorkspaceDatabase db, List<string> oneIds)
    {
        var types = _of.EventOnly;
        if (oneIds.Count == 0 || types.Count == 0)
            return;
        foreach (var (oneId, rows) in PersonRows.Read(db, "identity_map", oneIds, "oneid, type, value, entity"))
            foreach (var row in rows)
                if (row["entity"] is "person" && row["type"] is string type && types.Contains(type, StringComparer.Ordinal) && row["value"] is string value)
                    _identifiers.TryAdd((type, value), oneId);
    }

}
