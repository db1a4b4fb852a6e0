using System.Text.Json;
using Microsoft.Data.Sqlite;
using TagCenter.DuckDb.Profiles;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Profiles;

/// <summary>
/// The serving store of profiles: one SQLite file of every person's <see cref="ProfileDocuments">document</see>,
/// keyed by OneID, and of every identifier value → OneID, so <c>GET /profiles/{id}</c> is two key lookups instead
/// of a scan of every engine table. A file is built whole from one engine snapshot (<see cref="Build"/>) and
/// records that snapshot's <see cref="ProfileVersion"/>; afterwards persons whose facts change are removed
/// (<see cref="Forget"/>) and written again (<see cref="Put"/>). A person without a document is read from the engine.
/// </summary>
internal sealed class ProfileStore : IDisposable
{
    private readonly string _connection;

    private ProfileStore(string path, ProfileShape shape, string version)
    {
        Path = path;
        Shape = shape;
        Version = version;
        _connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, Mode = SqliteOpenMode.ReadWrite }.ToString();
    }

    public string Path { get; }

    public ProfileShape Shape { get; }

    /// <summary>The engine's <see cref="ProfileVersion"/> the documents are current for.</summary>
    public string Version { get; private set; }

    /// <summary>Persons removed since the file was built whose documents are yet to be written again.</summary>
    public IReadOnlyList<string> Forgotten()
    {
        using var connection = Open();
        return [.. Strings(connection, "SELECT oneid FROM forgotten")];
    }

    /// <summary>The newest complete store in <paramref name="folder"/> (older ones and unfinished builds are deleted), or null.</summary>
    public static ProfileStore? OpenLatest(string folder)
    {
        if (!Directory.Exists(folder))
            return null;
        var files = Directory.GetFiles(folder, "profiles-*.db").Order(StringComparer.Ordinal).ToList();
        foreach (var stale in Directory.GetFiles(folder, "*.building").Concat(files.SkipLast(1)))
            Delete(stale);
        if (files.Count == 0)
            return null;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = files[^1], Pooling = false }.ToString());
            connection.Open();
            var meta = Strings(connection, "SELECT value FROM meta WHERE key IN ('shape', 'version') ORDER BY key").ToList();
            return new ProfileStore(files[^1], JsonSerializer.Deserialize<ProfileShape>(meta[0])!, meta[1]);
        }
        catch (Exception e) when (e is SqliteException or JsonException or ArgumentOutOfRangeException)
        {
            Delete(files[^1]); // a damaged file is rebuilt, never served
            return null;
        }
    }

    /// <summary>
    /// Builds a new store in <paramref name="folder"/> from <paramref name="db"/>'s current snapshot, read in one
    /// transaction by <see cref="ProfileScan"/> (each table once, streamed in OneID order), or in OneID ranges of
    /// about <paramref name="sliceSize"/> persons when it is above zero (each range reads every table again). Rows are
    /// committed every <paramref name="batch"/>, when progress is reported.
    /// </summary>
    public static ProfileStore Build(WorkspaceDatabase db, TagCenter.Core.Workspace.WorkspaceDefinition workspace, string folder,
        int sliceSize, TimeProvider time, IProgress<(long Persons, long Total)>? progress, CancellationToken cancellationToken, int batch = 100_000)
    {
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"profiles-{time.GetUtcNow():yyyyMMddHHmmssfffffff}.db");
        var building = path + ".building";
        Delete(building);
        db.Execute("BEGIN TRANSACTION");
        try
        {
            var version = ProfileVersion.Of(db);
            var shape = ProfileDocuments.Shape(db, workspace);
            var total = shape.HasPersons ? db.Scalar<long>("SELECT count(DISTINCT oneid) FROM identity_map") : 0;
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString()))
            {
                connection.Open();
                Execute(connection, """
                    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192; PRAGMA cache_size = -262144;
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE docs (oneid TEXT PRIMARY KEY, doc BLOB NOT NULL);
                    CREATE TABLE keys (value TEXT PRIMARY KEY, oneid TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE forgotten (oneid TEXT PRIMARY KEY) WITHOUT ROWID;
                    """);
                // Slices are ranges of OneIDs read in order, so each one appends to the end of the table's key order.
                var documents = Slices(db, total, sliceSize).SelectMany(persons => ProfileScan.Read(db, shape, persons));
                var done = Write(connection, "INSERT INTO docs (oneid, doc) VALUES ($1, $2)", documents.Select(d => (d.OneId, (object)Compress(d.Document))), batch, written =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report((written, total));
                });
                if (shape.HasPersons)
                    Write(connection, "INSERT OR IGNORE INTO keys VALUES ($1, $2)", ProfileDocuments.Keys(db, "true").Select(k => (k.Value, (object)k.OneId)), batch,
                        _ => cancellationToken.ThrowIfCancellationRequested());
                progress?.Report((done, total));
                using var transaction = connection.BeginTransaction();
                Execute(connection, "INSERT INTO meta VALUES ('version', $1), ('shape', $2), ('built_at', $3)",
                    version, JsonSerializer.Serialize(shape), time.GetUtcNow().ToString("O"));
                transaction.Commit();
                Execute(connection, "PRAGMA journal_mode = WAL");
            }
            File.Move(building, path);
            return new ProfileStore(path, shape, version);
        }
        finally
        {
            db.Execute("COMMIT");
            Delete(building);
        }
    }

    /// <summary>The OneID and document of the person holding <paramref name="identifier"/> (a OneID or any identifier value), if the store has them.</summary>
    public (string OneId, string? Document)? Find(string identifier)
    {
        try
        {
            return Lookup(identifier);
        }
        catch (SqliteException)
        {
            return null; // the file is gone or damaged: the engine answers, and the next build replaces it
        }
    }

    private (string OneId, string? Document)? Lookup(string identifier)
    {
        using var connection = Open();
        if (Document(connection, identifier) is { } doc)
            return (identifier, doc);
        var oneId = Strings(connection, "SELECT oneid FROM keys WHERE value = $1", identifier).FirstOrDefault();
        return oneId is null ? null : (oneId, Document(connection, oneId));
    }

    private static string? Document(SqliteConnection connection, string oneId)
    {
        using var command = Command(connection, "SELECT doc FROM docs WHERE oneid = $1", oneId);
        return command.ExecuteScalar() is byte[] compressed ? Decompress(compressed) : null;
    }

    /// <summary>Removes <paramref name="persons"/>' documents (their facts changed) and moves the store's version from <paramref name="before"/> to <paramref name="after"/> when it was current.</summary>
    public void Forget(IReadOnlyCollection<string> persons, string before, string after)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var oneId in persons)
        {
            Execute(connection, "DELETE FROM docs WHERE oneid = $1", oneId);
            Execute(connection, "INSERT OR IGNORE INTO forgotten VALUES ($1)", oneId);
        }
        if (Version == before)
        {
            Execute(connection, "UPDATE meta SET value = $1 WHERE key = 'version'", after);
            Version = after;
        }
        transaction.Commit();
    }

    /// <summary>Writes documents and identifier keys read again for persons <see cref="Forget"/> removed; <paramref name="persons"/> are no longer forgotten.</summary>
    public void Put(IReadOnlyCollection<string> persons, IEnumerable<(string OneId, string Document)> documents, IEnumerable<(string Value, string OneId)> keys)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (oneId, doc) in documents)
            Execute(connection, "INSERT OR REPLACE INTO docs (oneid, doc) VALUES ($1, $2)", oneId, Compress(doc));
        foreach (var (value, oneId) in keys)
            Execute(connection, "INSERT OR REPLACE INTO keys VALUES ($1, $2)", value, oneId);
        foreach (var oneId in persons)
            Execute(connection, "DELETE FROM forgotten WHERE oneid = $1", oneId);
        transaction.Commit();
    }

    public void Dispose()
    {
        using var connection = new SqliteConnection(_connection);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Deletes the file (after <see cref="Dispose"/>; a reader still holding it keeps reading the old copy).</summary>
    public void Delete()
    {
        Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            Delete(Path + suffix);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connection);
        connection.Open();
        return connection;
    }

    /// <summary>Rows written between commits (and between progress reports) so a long build keeps neither in memory.</summary>
    private static long Write(SqliteConnection connection, string insert, IEnumerable<(string Key, object Value)> rows, int batch, Action<long> written)
    {
        var count = 0L;
        var transaction = connection.BeginTransaction();
        try
        {
            using var command = Command(connection, insert, "", "");
            foreach (var (key, value) in rows)
            {
                command.Parameters[0].Value = key;
                command.Parameters[1].Value = value;
                command.ExecuteNonQuery();
                if (++count % batch != 0)
                    continue;
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                command.Transaction = transaction;
                written(count);
            }
            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
        }
        return count;
    }

    /// <summary>Conditions on <c>oneid</c> cutting the persons into ranges of about <paramref name="size"/> (all at once for 0), in order.</summary>
    private static IEnumerable<string> Slices(WorkspaceDatabase db, long total, int size)
    {
        var count = size <= 0 ? 1 : (int)Math.Max(1, Math.Ceiling(total / (double)size));
        if (count == 1)
        {
            yield return "true";
            yield break;
        }
        var cuts = Enumerable.Range(1, count - 1).Select(i => (i / (double)count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var bounds = db.Rows($"SELECT unnest(quantile_disc(oneid, [{string.Join(", ", cuts)}])) FROM (SELECT DISTINCT oneid FROM identity_map)")
            .Select(r => TagCenter.Core.Sql.SqlText.Literal((string)r[0]!)).Distinct().ToList();
        yield return $"oneid < {bounds[0]}";
        for (var i = 1; i < bounds.Count; i++)
            yield return $"oneid >= {bounds[i - 1]} AND oneid < {bounds[i]}";
        yield return $"oneid >= {bounds[^1]}";
    }

    /// <summary>Documents are JSON with many repeated names: Brotli keeps the file a fraction of their size.</summary>
    internal static byte[] Compress(string document)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(document);
        var buffer = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        return System.IO.Compression.BrotliEncoder.TryCompress(bytes, buffer, out var written, quality: 3, window: 18)
            ? buffer[..written] : throw new InvalidOperationException("Brotli could not compress a profile document");
    }

    internal static string Decompress(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var brotli = new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
            command.Parameters.AddWithValue("$" + (i + 1), parameters[i]);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static IEnumerable<string> Strings(SqliteConnection connection, string sql, params object[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return reader.GetString(0);
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // still open elsewhere: the next start removes it
        }
    }
}
