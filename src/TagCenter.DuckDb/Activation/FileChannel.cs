using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// Writes deliveries as rows of one CSV or Parquet file in the action's drop folder: first to a hidden temporary
/// name, then renamed, so a reader polling the folder never sees half a file. Relative folders are under the workspace.
/// </summary>
public sealed class FileChannel : IDeliveryChannel
{
    private readonly string _root;
    private readonly TimeProvider _time;

    public FileChannel(string workspaceRoot, TimeProvider time)
    {
        _root = workspaceRoot;
        _time = time;
    }

    public int BatchSize => 10_000;

    public Task DeliverAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return Task.CompletedTask;
        var action = items[0].Action;
        var folder = Path.GetFullPath(Path.Combine(_root, action.Folder!));
        Directory.CreateDirectory(folder);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var name = $"{Safe(items[0].Trigger)}-{stamp}-{items[0].Id}.{action.Format}";
        var temp = Path.Combine(folder, "." + name + ".tmp");
        var csv = action.Format == "parquet" ? temp + ".csv" : temp;
        WriteCsv(csv, items);
        if (action.Format == "parquet")
        {
            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            using var command = duck.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, all_varchar = true)) "
                + $"TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
            File.Delete(csv);
        }
        File.Move(temp, Path.Combine(folder, name), overwrite: true);
        return Task.CompletedTask;
    }

    private static void WriteCsv(string path, IReadOnlyList<OutboxItem> items)
    {
        var text = new StringBuilder("delivery_id,trigger,person,occurrence,detail,created_at\n");
        foreach (var i in items)
            text.Append(string.Join(',', new[] { i.DeliveryId, i.Trigger, i.Person, i.Occurrence, StoreChannel.Detail(i),
                i.CreatedAt.ToString("O", CultureInfo.InvariantCulture) }.Select(Quote))).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string value) => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '/' ? '_' : c));
}
