using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Sql;
using TagCenter.Core.Text;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>
/// Compiles tag rules into one query: one <c>GROUP BY oneid</c> pass per fact (windows become FILTERs) holding every
/// aggregate the rules need (shared when two tags ask the same), the person dimension joined to them, and
/// the tags computed in layers along their dependency graph. Every value is a bound parameter; $1 is the
/// as-of time, so a run over old data reads only what was known then.
/// </summary>
public static partial class TagCompiler
{
    private sealed record CompiledRule(SqlFragment Sql, IReadOnlyList<string> Dependencies, IReadOnlySet<AggregateCall> Aggregates);

    /// <param name="models">
    /// Per model tag (by name), the query of its values from the model version in use: <c>SELECT oneid, value …</c>.
    /// Model tags are tags like any other (stored, history, readable by rules); one without a source here is NULL.
    /// </param>
    /// <param name="checkOnly">Only the diagnostics (and what each rule reads): the statement is not built, and is empty.</param>
    public static TagCompilation Compile(TagCatalog catalog, ModelSchema schema, DateTime asOf, IReadOnlyCollection<string>? only = null,
        SqlDialect? dialect = null, IReadOnlyDictionary<string, SqlFragment>? models = null, bool checkOnly = false)
    {
        dialect ??= SqlDialect.DuckDb;
        var asOfValue = SharedValue(asOf);
        var aggregates = new Dictionary<AggregateCall, AggregateCall>();
        var byName = catalog.Tags.ToDictionary(t => t.Name);
        var diagnostics = new List<Diagnostic>();
        var compiled = new Dictionary<string, CompiledRule>();
        var reads = new Dictionary<string, IReadOnlyList<string>>();
        var trees = new Dictionary<string, ExpressionNode>();
        var bound = new Dictionary<string, BoundNode>();

        foreach (var tag in catalog.Tags.Where(t => t.Rule is not null && t.Status != "deprecated"))
        {
            var parsed = Parser.Parse(tag.Rule!);
            if (!parsed.Success)
            {
                diagnostics.AddRange(parsed.Diagnostics.Select(d => Locate(tag, parsed.Text, d)));
                continue;
            }
            trees[tag.Name] = parsed.Root!;
            var rule = Binder.Bind(parsed.Root!, schema, byName);
            bound[tag.Name] = rule.Root;
            var writer = new ExpressionSqlWriter(asOfValue, aggregates, dialect);
            var ruleSql = writer.Write(rule.Root);
            diagnostics.AddRange(rule.Diagnostics.Select(d => Locate(tag, parsed.Text, d)));
            if (rule.Success && !Fits(rule.Root.Type, tag))
                diagnostics.Add(new Diagnostic(tag.File, tag.RuleLine, tag.RuleColumn,
                    Texts.T("tags.compile.type", tag.Name, rule.Root.Type.ToString().ToLowerInvariant(), tag.Type.ToString().ToLowerInvariant())));
            compiled[tag.Name] = new CompiledRule(Typed(ruleSql, tag, dialect), rule.Dependencies, writer.Aggregates);
            reads[tag.Name] = rule.Reads;
        }
        foreach (var tag in catalog.Tags.Where(IsModelTag))
            compiled[tag.Name] = new CompiledRule(Typed(Ident(ModelColumn(tag)), tag, dialect), [], new HashSet<AggregateCall>());
        var dependencies = compiled.ToDictionary(c => c.Key, c => c.Value.Dependencies);
        diagnostics.AddRange(Cycles(catalog, dependencies));
        if (diagnostics.Count > 0 || checkOnly)
            return new TagCompilation("", [], [], dependencies, diagnostics) { Reads = reads, Trees = trees, Bound = bound };

        var needed = Upstream(only ?? compiled.Keys, dependencies);
        var order = catalog.Tags.Where(t => needed.Contains(t.Name)).ToList();
        var used = order.SelectMany(t => compiled[t.Name].Aggregates).Distinct()
            .OrderBy(a => int.Parse(a.Alias["agg_".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var query = new QueryShape(schema, order, compiled, used, dialect, asOfValue, models ?? new Dictionary<string, SqlFragment>());
        var command = query.Command(asOf);
        return new TagCompilation(command.Sql, command.Parameters, order, dependencies, []) { Reads = reads, Layers = query.Layers(asOf), Trees = trees, Bound = bound };
    }

    /// <summary>
    /// A statement listing the oneid of every person for whom <paramref name="predicate"/> (a bound boolean over the
    /// catalog's tags, person fields and behaviour) is TRUE: how the engine answers a bitmap plan's <c>ScanPlan</c>.
    /// The predicate is compiled as a bool tag of its own, with the tags it reads.
    /// </summary>
    public static SqlCommand Predicate(TagCatalog catalog, ModelSchema schema, DateTime asOf, BoundNode predicate, SqlDialect? dialect = null,
        IReadOnlyDictionary<string, SqlFragment>? models = null)
    {
        const string code = "_predicate";
        var tag = new TagDefinition
        {
            Name = code,
            Code = code,
            Path = [],
            Kind = TagKind.Value,
            Type = TagValueType.Bool,
            Rule = BoundText.Write(predicate),
            File = "",
        };
        var compiled = Compile(TagCatalog.From([.. catalog.Tags, tag]), schema, asOf, [code], dialect, models);
        if (!compiled.Success)
            throw new InvalidOperationException("the predicate does not compile: " + string.Join("; ", compiled.Diagnostics));
        return new SqlCommand($"SELECT oneid FROM ({compiled.Sql}) s WHERE {SqlText.Ident(code)}", compiled.Parameters);
    }

    /// <summary>The tags named and every tag they read, directly or not.</summary>
    public static HashSet<string> Upstream(IEnumerable<string> names, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var result = new HashSet<string>();
        var stack = new Stack<string>(names);
        while (stack.TryPop(out var name))
            if (dependencies.TryGetValue(name, out var reads) && result.Add(name))
                foreach (var d in reads)
                    stack.Push(d);
        return result;
    }

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
    /// values from the set survive (the set is bound, value by value). A raw value without a typed one is a
    /// violation, counted by the run.
    /// </summary>
    private static SqlFragment Typed(SqlFragment sql, TagDefinition tag, SqlDialect dialect)
    {
        var raw = Ident(tag.Code + "__raw");
        var cast = dialect.TryCast(dialect.LateralAliases ? raw : Of($"({sql})"), tag.Type);
        return tag.Kind == TagKind.Enum && tag.Values.Count > 0
            ? Of($"{sql} AS {raw}, CASE WHEN CAST({cast} AS VARCHAR) IN ({Join(", ", tag.Values.Select(v => Of($"CAST({Value(v)} AS VARCHAR)")))}) THEN {cast} END")
            : Of($"{sql} AS {raw}, {cast}");
    }

    private static List<Diagnostic> Cycles(TagCatalog catalog, Dictionary<string, IReadOnlyList<string>> dependencies)
    {
        var diagnostics = new List<Diagnostic>();
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        void Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var next in dependencies.TryGetValue(name, out var d) ? d : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).Append(next);
                    var tag = catalog.Find(name)!;
                    diagnostics.Add(new Diagnostic(tag.File, tag.RuleLine, tag.RuleColumn, Texts.T("tags.compile.cycle", string.Join(" → ", cycle))));
                }
                else if (state.GetValueOrDefault(next) == 0)
                    Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
        foreach (var name in dependencies.Keys.Where(n => state.GetValueOrDefault(n) == 0))
            Visit(name);
        return diagnostics;
    }

    /// <summary>The column holding the violation bits of tags 60·k … 60·k+59 (in compilation order).</summary>
    public static string ViolationColumn(int chunk) => $"_violations_{chunk}";

    /// <summary>An SQL condition: tag number <paramref name="index"/> (in compilation order) violated its type or value set.</summary>
    public static string Violated(int index) => $"({SqlText.Ident(ViolationColumn(index / 60))} & {1L << (index % 60)}) <> 0";

    /// <summary>Moves an expression diagnostic to its place in the tag file.</summary>
    private static Diagnostic Locate(TagDefinition tag, string text, ExpressionDiagnostic d)
    {
        var start = Math.Clamp(d.Span.Start, 0, text.Length);
        var line = text[..start].Count(c => c == '\n') + 1;
        var column = start - (start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1) + 1;
        var fileLine = tag.RuleLine + line - 1;
        var fileColumn = line == 1 ? tag.RuleColumn + column - 1 : column;
        var rendered = d.Render(text);
        return new Diagnostic(tag.File, fileLine, fileColumn, Texts.T("tags.compile.at", tag.Name, rendered[(rendered.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    /// <summary>The statement's pieces: the fact passes, t0 (person fields and aggregates), one CTE per layer of tags.</summary>
    private sealed class QueryShape
    {
        private readonly List<(string Name, SqlFragment Body)> _ctes = [];
        private readonly List<(IReadOnlyList<TagDefinition> Tags, string Cte)> _layers = [];
        private readonly SqlFragment _select;
        private readonly SqlDialect _dialect;
        private readonly SqlFragment _t0Probe;

        public QueryShape(ModelSchema schema, List<TagDefinition> order, Dictionary<string, CompiledRule> compiled,
            List<AggregateCall> aggregates, SqlDialect dialect, SqlFragment asOf, IReadOnlyDictionary<string, SqlFragment> models)
        {
            _dialect = dialect;
            var joins = new List<SqlFragment>();
            // One scan per fact: every window and every where: is a FILTER on its aggregate.
            foreach (var pass in aggregates.GroupBy(a => a.Fact).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var name = $"p_{_ctes.Count + 1}";
                var columns = Join(", ", pass.Select(a => Of($"{a.Expression} AS {Ident(a.Alias)}")));
                _ctes.Add((name, Of($"SELECT oneid, {columns} FROM {Ident("fact_" + pass.Key)} WHERE oneid IS NOT NULL AND (event_time IS NULL OR event_time <= {asOf}) GROUP BY oneid")));
                joins.Add(Raw($"LEFT JOIN {name} USING (oneid)"));
            }
            // age is derived from birthday at the as-of date; every other field is a column of dim_person.
            var fields = schema.PersonFields.Keys.Select(f => f == ModelSchema.Age
                ? Of($"CAST(floor({dialect.DaysBetween(Raw("p.\"birthday\""), Of($"CAST({asOf} AS DATE)"))} / 365.25) AS BIGINT) AS \"f_age\"")
                : Of($"p.{Ident(f)} AS {Ident("f_" + f)}"));
            var modelTags = order.Where(IsModelTag).ToList();
            joins.AddRange(ModelJoins(modelTags, models));
            var t0Columns = Join("", fields.Concat(aggregates.Select(a => Ident(a.Alias))).Concat(ModelColumns(modelTags, models, dialect)).Select(c => Of($", {c}")));
            _t0Probe = Join(", ", schema.PersonFields.Keys.Select(f => Ident("f_" + f)).Concat(aggregates.Select(a => Ident(a.Alias))).Select(c => Of($"count({c})")).Prepend(Raw("count(*)")));
            // The as-of time is always read once here: DuckDB numbers a statement's parameters by the placeholders it
            // uses, so a statement whose rules never read $1 (tags over person fields only) would refuse its values.
            _ctes.Add(("t0", Of($"SELECT p.oneid, CAST({asOf} AS TIMESTAMP) AS \"_as_of\"{t0Columns} FROM dim_person p {Join(" ", joins)}")));
            _layers.Add((order.Where(t => compiled[t.Name].Aggregates.Count > 0).ToList(), "t0"));

            var depth = new Dictionary<string, int>();
            int Depth(string tag) => depth.TryGetValue(tag, out var d) ? d : depth[tag] = 1 + compiled[tag].Dependencies.Select(Depth).DefaultIfEmpty(0).Max();
            var previous = "t0";
            foreach (var layer in order.GroupBy(t => Depth(t.Name)).OrderBy(g => g.Key))
            {
                var name = $"l{layer.Key}";
                _ctes.Add((name, Of($"SELECT t.*, {Join(", ", layer.Select(t => Of($"{compiled[t.Name].Sql} AS {Ident(t.Code)}")))} FROM {Raw(previous)} t")));
                _layers.Add((layer.ToList(), name));
                previous = name;
            }
            // Violations (a raw value that did not fit the type or value set) travel as bits of a few BIGINT
            // columns rather than a second column per tag: the result stays as narrow as the tags themselves.
            var flags = order.Select((t, i) => (Tag: t, Index: i)).GroupBy(x => x.Index / 60)
                .Select(g => Of($"({Join(" + ", g.Select(x => Of($"(CASE WHEN {Ident(x.Tag.Code + "__raw")} IS NOT NULL AND {Ident(x.Tag.Code)} IS NULL THEN {1L << (x.Index % 60)} ELSE 0 END)")))}) AS {Ident(ViolationColumn(g.Key))}"));
            _select = Of($"SELECT oneid{Join("", order.Select(t => Of($", {Ident(t.Code)}")).Concat(flags.Select(f => Of($", {f}"))))} FROM {Raw(previous)}");
        }

        public SqlCommand Command(DateTime asOf) => Statement(asOf, _ctes.Count, _select);

        /// <summary>Per layer, a statement that computes the layer and everything before it: to find the layer a failure comes from.</summary>
        public IReadOnlyList<TagLayer> Layers(DateTime asOf) => _layers.Select((layer, i) =>
        {
            var upTo = _ctes.FindIndex(c => c.Name == layer.Cte) + 1;
            var columns = layer.Cte == "t0"
                ? _t0Probe
                : Join(", ", layer.Tags.Select(t => Of($"count({Ident(t.Code)})")));
            var probe = Statement(asOf, upTo, Of($"SELECT {columns} FROM {Raw(layer.Cte)}"));
            return new TagLayer(i, layer.Tags.Select(t => t.Name).ToList(), probe);
        }).ToList();

        private SqlCommand Statement(DateTime asOf, int ctes, SqlFragment select)
        {
            var builder = new SqlCommandBuilder(_dialect).Share(asOf);
            builder.Append("WITH ");
            for (var i = 0; i < ctes; i++)
                builder.Append(i == 0 ? "" : ",\n").Append(_ctes[i].Name).Append(" AS (").Append(_ctes[i].Body).Append(")");
            return builder.Append("\n").Append(select).Build();
        }
    }
}
