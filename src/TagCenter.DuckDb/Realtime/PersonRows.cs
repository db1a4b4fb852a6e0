using TagCenter.Core.Realtime;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// Reads the rows of a few persons from a table keyed by <c>oneid</c> in one statement, by column name
/// (<see cref="EngineRow"/>) with engine values made plain (<see cref="TagValues.Plain"/>): golden records, fact
/// rows, stored tags.
/// </summary>
internal static class PersonRows
{
    public static Dictionary<string, List<IReadOnlyDictionary<string, object?>>> Read(WorkspaceDatabase db, string table, IReadOnlyList<string> oneIds, string columns = "*")
    {
        var result = new Dictionary<string, List<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        if (oneIds.Count == 0)
            return result;
        using var command = db.Connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM {SqlText.Ident(table)} WHERE oneid {OneIdList.In(oneIds.Count)}";
        foreach (var id in oneIds)
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(id));
        try
        {
            using var reader = command.ExecuteReader();
            var positions = new Dictionary<string, int>(reader.FieldCount, StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
                positions.TryAdd(reader.GetName(i), i);
            var key = positions["oneid"];
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.IsDBNull(i) ? null : TagValues.Plain(reader.GetValue(i));
                if (values[key] is not string oneId)
                    continue;
                if (!result.TryGetValue(oneId, out var rows))
                    result[oneId] = rows = [];
                rows.Add(new EngineRow(positions, values));
            }
        }
        catch (System.Data.Common.DbException e)
        {
            throw new EngineException(e.Message, command.CommandText, e);
        }
        return result;
    }
}
