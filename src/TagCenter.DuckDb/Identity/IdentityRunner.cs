using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using TagCenter.Core.Identity;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

/// <summary>
/// One identity run over everything loaded: extract identifiers → resolve persons (TagCenter.Core) →
/// stable OneIDs, merge/split history and conflicts → golden record (<c>dim_person</c>) → fact tables keyed
/// by OneID. The new state replaces the old in one transaction; a giant person stops the run first.
/// </summary>
public sealed class IdentityRunner
{
    private readonly WorkspaceDatabase _db;
    private readonly WorkspaceDefinition _workspace;
    private readonly TimeProvider _time;

    public IdentityRunner(WorkspaceDatabase db, WorkspaceDefinition workspace, TimeProvider time)
    {
        _db = db;
        _workspace = workspace;
        _time = time;
    }

    public IdentityRunReport Run()
    {
        var stopwatch = Stopwatch.StartNew();
        var runId = $"I{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        IdentityTables.Ensure(_db);
        IdentityExtraction.Run(_db, _workspace);

        var rules = _workspace.Identity.Rules;
        var (types, values, firstSeen, nodeType) = LoadNodes(rules);
        var (from, to) = LoadEdges();
        var resolution = IdentityResolver.Resolve(new IdentityGraphInput(rules, nodeType, firstSeen, from, to));
        var largest = CheckSize(resolution, types, values);

        var oneIds = resolution.Person.Select(anchor => OneId(types[anchor], values[anchor])).ToArray();
        WriteNewMap(oneIds, resolution.Cluster);
        _db.Execute("BEGIN TRANSACTION");
        try
        {
            RecordConflicts(runId, resolution, types, values, rules);
            var (merges, splits) = IdentityHistory.Record(_db, runId, _time.GetUtcNow().UtcDateTime);
            _db.Execute("""
                CREATE OR REPLACE TABLE identity_map AS
                SELECT n.node, n.type, n.value, m.oneid, m.cluster, n.first_seen, n.occurrences
                FROM id_nodes n JOIN id_map_new m USING (node)
                """);
            RowOwners(rules);
            GoldenRecord.Build(_db, _workspace);
            var facts = UnifiedModel.Build(_db, _workspace);
            var persons = _db.Scalar<long>("SELECT count(*) FROM dim_person");
            var blocked = _db.Scalar<long>("SELECT coalesce(sum(occurrences), 0)::BIGINT FROM id_blocked");
            _db.Execute("INSERT INTO identity_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                runId, _time.GetUtcNow().UtcDateTime, (long)types.Length, (long)from.Length, persons,
                (long)resolution.Conflicts.Count, blocked, merges, splits, largest);
            _db.Execute("COMMIT");
            return new IdentityRunReport(runId, types.Length, from.Length, persons, resolution.Conflicts.Count, blocked,
                merges, splits, largest, facts, stopwatch.Elapsed);
        }
        catch
        {
            try
            {
                _db.Execute("ROLLBACK");
            }
            catch (EngineException)
            {
            }
            throw;
        }
    }

    /// <summary>A person's OneID: derived from its anchor (oldest) identifier, so it is the same on every run that finds that person.</summary>
    public static string OneId(string type, string value) =>
        "P" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(type + ":" + value)))[..16];

    private (string[] Types, string[] Values, long[] FirstSeen, byte[] NodeType) LoadNodes(IReadOnlyList<IdentifierTypeRule> rules)
    {
        var count = _db.Scalar<long>("SELECT count(*) FROM id_nodes");
        var types = new string[count];
        var values = new string[count];
        var seen = new long[count];
        var nodeType = new byte[count];
        var index = rules.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => (byte)p.i);
        using var command = _db.Connection.CreateCommand();
        command.CommandText = "SELECT node, type, value, coalesce(epoch_us(first_seen), 9223372036854775807) FROM id_nodes ORDER BY node";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var node = reader.GetInt32(0);
            types[node] = reader.GetString(1);
            values[node] = reader.GetString(2);
            seen[node] = reader.GetInt64(3);
            nodeType[node] = index[types[node]];
        }
        return (types, values, seen, nodeType);
    }

    private (int[] From, int[] To) LoadEdges()
    {
        var count = _db.Scalar<long>("SELECT count(*) FROM id_edges");
        var from = new int[count];
        var to = new int[count];
        using var command = _db.Connection.CreateCommand();
        command.CommandText = "SELECT a, b FROM id_edges";
        using var reader = command.ExecuteReader();
        var e = 0;
        while (reader.Read())
        {
            from[e] = reader.GetInt32(0);
            to[e++] = reader.GetInt32(1);
        }
        return (from, to);
    }

    private int CheckSize(IdentityResolution resolution, string[] types, string[] values)
    {
        if (resolution.Person.Length == 0)
            return 0;
        var sizes = resolution.Person.GroupBy(p => p).Select(g => (Anchor: g.Key, Size: g.Count())).ToList();
        var (anchor, size) = sizes.MaxBy(s => s.Size);
        var limit = _workspace.Identity.MaxComponentSize;
        if (size <= limit)
            return size;
        var members = Enumerable.Range(0, resolution.Person.Length).Where(i => resolution.Person[i] == anchor).ToHashSet();
        var top = _db.Rows("SELECT node, occurrences FROM id_nodes ORDER BY occurrences DESC LIMIT 2000")
            .Where(r => members.Contains(Convert.ToInt32(r[0]))).Take(5)
            .Select(r => $"{types[Convert.ToInt32(r[0])]}:{values[Convert.ToInt32(r[0])]} ({Convert.ToInt64(r[1]):N0} rows)").ToList();
        throw new GiantComponentException(size, limit, top);
    }

    private void WriteNewMap(string[] oneIds, int[] cluster)
    {
        _db.Execute("CREATE OR REPLACE TEMP TABLE id_map_new (node INTEGER, oneid VARCHAR, cluster INTEGER)");
        using var appender = _db.Connection.CreateAppender("id_map_new");
        for (var i = 0; i < oneIds.Length; i++)
            appender.CreateRow().AppendValue(i).AppendValue(oneIds[i]).AppendValue(cluster[i]).EndRow();
    }

    private void RecordConflicts(string runId, IdentityResolution resolution, string[] types, string[] values, IReadOnlyList<IdentifierTypeRule> rules)
    {
        _db.Execute("DELETE FROM identity_conflicts");
        using var appender = _db.Connection.CreateAppender("identity_conflicts");
        foreach (var c in resolution.Conflicts)
            appender.CreateRow().AppendValue(runId).AppendValue(types[c.From]).AppendValue(values[c.From]).AppendValue(types[c.To]).AppendValue(values[c.To])
                .AppendValue(rules[c.LimitedType].Name).AppendValue(c.Limit).EndRow();
    }

    /// <summary>Every source row's person: the one its strongest identifier belongs to.</summary>
    private void RowOwners(IReadOnlyList<IdentifierTypeRule> rules)
    {
        var priorities = string.Join(", ", rules.Select(r => $"({SqlText.Literal(r.Name)}, {r.Priority})"));
        _db.Execute($"""
            CREATE OR REPLACE TABLE id_rows AS
            SELECT o.source, o.line, arg_min(m.oneid, p.priority * 100000000 + m.node) AS oneid
            FROM id_occurrences o JOIN identity_map m USING (node)
            JOIN (VALUES {priorities}) p(type, priority) ON p.type = m.type
            GROUP BY o.source, o.line
            """);
    }
}
