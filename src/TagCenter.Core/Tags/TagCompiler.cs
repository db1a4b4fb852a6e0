using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;

namespace TagCenter.Core.Tags;

/// <summary>
/// Compiles tag rules into one DuckDB query: one <c>GROUP BY oneid</c> pass per fact (windows become FILTERs) holding every
/// aggregate the rules need (shared when two tags ask the same), the person dimension joined to them, and
/// the tags computed in layers along their dependency graph. Every literal is a bound parameter; $1 is the
/// as-of time, so a run over old data reads only what was known then.
/// </summary>
public static class TagCompiler
{
    public static TagCompilation Compile(TagCatalog catalog, ModelSchema schema, DateTime asOf, IReadOnlyCollection<string>? only = null, SqlDialect? dialect = null)
    {
        dialect ??= SqlDialect.DuckDb;
        var parameters = new List<object?> { asOf };
        var aggregates = new Dictionary<AggregateCall, AggregateCall>();
        var byName = catalog.Tags.ToDictionary(t => t.Name);
        var diagnostics = new List<Diagnostic>();
        var compiled = new Dictionary<string, (string Sql, IReadOnlyList<string> Dependencies)>();
        var reads = new Dictionary<string, IReadOnlyList<string>>();

        foreach (var tag in catalog.Tags.Where(t => t.Rule is not null && t.Status != "deprecated"))
        {
            var parsed = Parser.Parse(tag.Rule!);
            if (!parsed.Success)
            {
                diagnostics.AddRange(parsed.Diagnostics.Select(d => Locate(tag, parsed.Text, d)));
                continue;
            }
            var writer = new ExpressionSqlWriter(schema, byName, parameters, aggregates, dialect);
            var (ruleSql, type) = writer.Write(parsed.Root!);
            diagnostics.AddRange(writer.Diagnostics.Select(d => Locate(tag, parsed.Text, d)));
            foreach (var model in writer.Dependencies.Select(d => byName[d]).Where(d => d.Rule is null))
                diagnostics.Add(new Diagnostic(tag.File, tag.RuleLine, tag.RuleColumn, $"tag '{tag.Name}' uses model tag '{model.Name}', which the models stage has not produced yet"));
            if (writer.Diagnostics.Count == 0 && !Fits(type, tag))
                diagnostics.Add(new Diagnostic(tag.File, tag.RuleLine, tag.RuleColumn,
                    $"the rule of '{tag.Name}' gives {type.ToString().ToLowerInvariant()}, but the tag is declared {tag.Type.ToString().ToLowerInvariant()}"));
            compiled[tag.Name] = (Typed(ruleSql, tag, dialect), writer.Dependencies.ToList());
            reads[tag.Name] = writer.Reads.Order(StringComparer.Ordinal).ToList();
        }
        diagnostics.AddRange(Cycles(catalog, compiled));
        var dependencies = compiled.ToDictionary(c => c.Key, c => c.Value.Dependencies);
        if (diagnostics.Count > 0)
            return new TagCompilation("", [], [], dependencies, diagnostics) { Reads = reads };

        var needed = Upstream(only ?? compiled.Keys, compiled);
        var order = catalog.Tags.Where(t => needed.Contains(t.Name)).ToList();
        var sql = Assemble(schema, order, compiled, aggregates.Values.Where(a => Used(a, order, compiled)).ToList(), dialect);
        var (compact, used) = CompactParameters(sql, parameters);
        return new TagCompilation(compact, used, order, dependencies, []) { Reads = reads };
    }

    /// <summary>The tags named and every tag they read, directly or not.</summary>
    public static HashSet<string> Upstream(IEnumerable<string> names, IReadOnlyDictionary<string, (string Sql, IReadOnlyList<string> Dependencies)> compiled)
    {
        var result = new HashSet<string>();
        var stack = new Stack<string>(names);
        while (stack.TryPop(out var name))
            if (compiled.ContainsKey(name) && result.Add(name))
                foreach (var d in compiled[name].Dependencies)
                    stack.Push(d);
        return result;
    }

    /// <summary>
    /// Renumbers parameters $1..$n in the order of first use, dropping those of tags left out, so the engine
    /// is given exactly the values the statement reads. (The SQL holds no user text: every value is a parameter.)
    /// </summary>
    private static (string Sql, List<object?> Parameters) CompactParameters(string sql, List<object?> parameters)
    {
        var map = new Dictionary<int, int>();
        var used = new List<object?>();
        var compact = System.Text.RegularExpressions.Regex.Replace(sql, @"\$(\d+)\b", m =>
        {
            var old = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!map.TryGetValue(old, out var now))
            {
                used.Add(parameters[old - 1]);
                map[old] = now = used.Count;
            }
            return "$" + now;
        });
        return (compact, used);
    }

    private static bool Used(AggregateCall a, List<TagDefinition> order, Dictionary<string, (string Sql, IReadOnlyList<string> Dependencies)> compiled) =>
        order.Any(t => compiled[t.Name].Sql.Contains(SqlText.Ident(a.Alias), StringComparison.Ordinal));

    private static bool Fits(TagValueType actual, TagDefinition tag) => actual switch
    {
        TagValueType.Null or TagValueType.Unknown => true,
        _ when actual == tag.Type => true,
        TagValueType.Int or TagValueType.Decimal => tag.Type is TagValueType.Int or TagValueType.Decimal or TagValueType.String,
        TagValueType.Timestamp or TagValueType.Date => tag.Type is TagValueType.Date or TagValueType.Timestamp,
        TagValueType.Bool => tag.Type == TagValueType.String && tag.Kind == TagKind.Enum,
        _ => tag.Type == TagValueType.String,
    };

    /// <summary>
    /// The rule's raw value (<c>code__raw</c>) and, beside it, the value in the declared type; for enums only
    /// values from the set survive. A raw value without a typed one is a violation, counted by the run.
    /// </summary>
    private static string Typed(string sql, TagDefinition tag, SqlDialect dialect)
    {
        var raw = SqlText.Ident(tag.Code + "__raw");
        var cast = dialect.TryCast(dialect.LateralAliases ? raw : $"({sql})", tag.Type);
        return tag.Kind == TagKind.Enum && tag.Values.Count > 0
            ? $"{sql} AS {raw}, CASE WHEN CAST({cast} AS VARCHAR) IN ({string.Join(", ", tag.Values.Select(SqlText.Literal))}) THEN {cast} END"
            : $"{sql} AS {raw}, {cast}";
    }

    private static List<Diagnostic> Cycles(TagCatalog catalog, Dictionary<string, (string Sql, IReadOnlyList<string> Dependencies)> compiled)
    {
        var diagnostics = new List<Diagnostic>();
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        void Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var next in compiled.TryGetValue(name, out var c) ? c.Dependencies : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    var tag = catalog.Find(name)!;
                    diagnostics.Add(new Diagnostic(tag.File, tag.RuleLine, tag.RuleColumn, $"tags depend on each other in a cycle: {string.Join(" → ", cycle)}"));
                }
                else if (state.GetValueOrDefault(next) == 0)
                    Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
        foreach (var name in compiled.Keys.Where(n => state.GetValueOrDefault(n) == 0))
            Visit(name);
        return diagnostics;
    }

    private static string Assemble(ModelSchema schema, List<TagDefinition> order,
        Dictionary<string, (string Sql, IReadOnlyList<string> Dependencies)> compiled, List<AggregateCall> aggregates, SqlDialect dialect)
    {
        var ctes = new List<string>();
        var joins = new List<string>();
        // One scan per fact: every window and every where: becomes a FILTER on its aggregate.
        foreach (var pass in aggregates.GroupBy(a => a.Fact).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = $"p_{ctes.Count + 1}";
            var columns = pass.Select(a =>
            {
                var conditions = new[] { a.Window is null ? null : $"event_time > {dialect.Minus("CAST($1 AS TIMESTAMP)", a.Window)}", a.Filter }.OfType<string>().ToList();
                var filter = conditions.Count == 0 ? "" : $" FILTER (WHERE {string.Join(" AND ", conditions)})";
                return $"{a.Function.Replace("{filter}", filter, StringComparison.Ordinal)} AS {SqlText.Ident(a.Alias)}";
            });
            ctes.Add($"{name} AS (SELECT oneid, {string.Join(", ", columns)} FROM {SqlText.Ident("fact_" + pass.Key)} WHERE oneid IS NOT NULL AND (event_time IS NULL OR event_time <= $1) GROUP BY oneid)");
            joins.Add($"LEFT JOIN {name} USING (oneid)");
        }
        // age is derived from birthday at the as-of date; every other field is a column of dim_person.
        var fields = schema.PersonFields.Keys.Select(f => f == ModelSchema.Age
            ? $"CAST(floor({dialect.DaysBetween("p.\"birthday\"", "CAST($1 AS DATE)")} / 365.25) AS BIGINT) AS \"f_age\""
            : $"p.{SqlText.Ident(f)} AS {SqlText.Ident("f_" + f)}").ToList();
        ctes.Add($"t0 AS (SELECT p.oneid{string.Concat(fields.Select(f => ", " + f))}{string.Concat(aggregates.Select(a => ", " + SqlText.Ident(a.Alias)))} FROM dim_person p {string.Join(" ", joins)})");

        var depth = new Dictionary<string, int>();
        int Depth(string tag) => depth.TryGetValue(tag, out var d) ? d : depth[tag] = 1 + compiled[tag].Dependencies.Select(Depth).DefaultIfEmpty(0).Max();
        var layers = order.GroupBy(t => Depth(t.Name)).OrderBy(g => g.Key).ToList();
        var previous = "t0";
        foreach (var layer in layers)
        {
            var name = $"l{layer.Key}";
            ctes.Add($"{name} AS (SELECT t.*, {string.Join(", ", layer.Select(t => $"{compiled[t.Name].Sql} AS {SqlText.Ident(t.Code)}"))} FROM {previous} t)");
            previous = name;
        }
        // Violations (a raw value that did not fit the type or value set) travel as bits of a few BIGINT
        // columns rather than a second column per tag: the result stays as narrow as the tags themselves.
        var flags = order.Select((t, i) => (Tag: t, Index: i)).GroupBy(x => x.Index / 60)
            .Select(g => $"({string.Join(" + ", g.Select(x => $"(CASE WHEN {SqlText.Ident(x.Tag.Code + "__raw")} IS NOT NULL AND {SqlText.Ident(x.Tag.Code)} IS NULL THEN {1L << (x.Index % 60)} ELSE 0 END)"))}) AS {SqlText.Ident(ViolationColumn(g.Key))}");
        return $"WITH {string.Join(",\n", ctes)}\nSELECT oneid{string.Concat(order.Select(t => ", " + SqlText.Ident(t.Code)))}{string.Concat(flags.Select(f => ", " + f))} FROM {previous}";
    }

    /// <summary>The column holding the violation bits of tags 60·k … 60·k+59 (in compilation order).</summary>
    public static string ViolationColumn(int chunk) => $"_violations_{chunk}";

    /// <summary>An SQL condition: tag number <paramref name="index"/> (in compilation order) violated its type or value set.</summary>
    public static string Violated(int index) => $"({SqlText.Ident(ViolationColumn(index / 60))} & {1L << (index % 60)}) <> 0";

    /// <summary>Moves an expression diagnostic to its place in the tag file.</summary>
    private static Diagnostic Locate(TagDefinition tag, string text, ExpressionDiagnostic d)
    {
        var rendered = d.Render(text);
        var firstColon = rendered.IndexOf(':', StringComparison.Ordinal);
        var secondColon = rendered.IndexOf(':', firstColon + 1);
        var line = int.Parse(rendered[..firstColon], System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(rendered[(firstColon + 1)..secondColon], System.Globalization.CultureInfo.InvariantCulture);
        var fileLine = tag.RuleLine + line - 1;
        var fileColumn = line == 1 ? tag.RuleColumn + column - 1 : column;
        return new Diagnostic(tag.File, fileLine, fileColumn, $"tag '{tag.Name}': {rendered[(secondColon + 2)..]}");
    }
}
