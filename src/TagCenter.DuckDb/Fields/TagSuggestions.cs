using System.Globalization;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Fields;

/// <summary>
/// <c>tag suggest</c> on a workspace: reads what each field holds in the model tables (its type, its values when few,
/// the terciles of its per-person sum), asks <see cref="TagSuggester"/>, keeps codes and names clear of the catalog,
/// drops what an existing tag already computes, and compiles the rest against the real schema.
/// </summary>
public static class TagSuggestions
{
    public static TagSuggestionReport Build(WorkspaceDatabase db, WorkspaceDefinition workspace, TagCatalog catalog,
        IReadOnlyList<string> fields, DateTime asOf)
    {
        var targets = Resolve(workspace, fields);
        if (!db.TableExists("dim_person"))
            throw new NotFoundException(Texts.T("suggest.noidentity"));
        var schema = new TagRunner(db, TimeProvider.System).Schema();
        // The files a --write replaces do not count as existing tags: suggesting again renews them.
        var replaced = targets.Select(t => SuggestionYaml.RelativePath(t.Source.Name)).ToHashSet(StringComparer.Ordinal);
        var existing = catalog.Tags.Where(t => !replaced.Contains(t.File)).ToList();
        var codes = existing.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var names = existing.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in existing.Where(t => t.Rule is not null))
            rules.TryAdd(Normalize(tag.Rule!), tag.Name);

        var suggestions = new List<TagSuggestion>();
        var skipped = new List<SkippedField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, column) in targets)
        {
            var field = $"{source.Name}.{column.Name}";
            if (column.Identifier is not null)
            {
                skipped.Add(new SkippedField(field, Texts.T("suggest.skip.identifier")));
                continue;
            }
            var facts = Facts(db, schema, workspace, source, column, asOf);
            if (facts is null)
            {
                skipped.Add(new SkippedField(field, Texts.T("suggest.skip.notloaded")));
                continue;
            }
            var (proposed, reason) = TagSuggester.Suggest(facts);
            if (reason is not null)
                skipped.Add(new SkippedField(field, Texts.T(reason)));
            foreach (var s in proposed)
            {
                var rule = Normalize(s.Rule);
                if (rules.TryGetValue(rule, out var same))
                    skipped.Add(new SkippedField(field, Texts.T("suggest.skip.exists", same)));
                else if (seen.Add(rule))
                    suggestions.Add(s with { Code = TagCodes.Unique(s.Code, codes), Name = TagCodes.Unique(s.Name, names, " ") });
            }
        }
        var compiled = Compile(existing, suggestions, schema, asOf, skipped);
        var files = compiled.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => SuggestionYaml.Write(g.Key, [.. g]), StringComparer.Ordinal);
        return new TagSuggestionReport(compiled, skipped, files);
    }

    /// <summary>The named fields (<c>source.column</c>), or every declared column; unknown ones are errors with a hint.</summary>
    private static List<(SourceDefinition Source, ColumnDefinition Column)> Resolve(WorkspaceDefinition workspace, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0)
            return [.. workspace.Sources.SelectMany(s => s.Columns.Select(c => (s, c)))];
        var result = new List<(SourceDefinition, ColumnDefinition)>();
        foreach (var field in fields)
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            var all = workspace.Sources.SelectMany(s => s.Columns.Select(c => $"{s.Name}.{c.Name}"));
            if (dot <= 0)
                throw new NotFoundException(Texts.T("suggest.badfield", field) + Suggest.Hint(field, all));
            var source = workspace.FindSource(field[..dot])
                ?? throw new NotFoundException(Texts.T("suggest.unknown.source", field[..dot]) + Suggest.Hint(field[..dot], workspace.Sources.Select(s => s.Name)));
            var column = source.Columns.FirstOrDefault(c => c.Name == field[(dot + 1)..])
                ?? throw new NotFoundException(Texts.T("suggest.unknown.column", source.Name, field[(dot + 1)..]) + Suggest.Hint(field[(dot + 1)..], source.Columns.Select(c => c.Name)));
            result.Add((source, column));
        }
        return result;
    }

    /// <summary>Where tags read the column and what it holds; null when the model tables do not have it yet.</summary>
    private static FieldFacts? Facts(WorkspaceDatabase db, ModelSchema schema, WorkspaceDefinition workspace, SourceDefinition source, ColumnDefinition column, DateTime asOf)
    {
        var golden = workspace.Identity.Golden.FirstOrDefault(g => g.From.Contains((source.Name, column.Name)))?.Name;
        if (golden is not null && schema.PersonFields.TryGetValue(golden, out var fieldType))
            return new FieldFacts
            {
                Source = source.Name,
                Column = column.Name,
                Golden = golden,
                Type = fieldType,
                Values = fieldType == TagValueType.String ? Values(db, "dim_person", golden) : null,
            };
        if (source.Fact is { } fact && schema.Facts.TryGetValue(fact, out var columns) && columns.TryGetValue(column.Name, out var type))
            return new FieldFacts
            {
                Source = source.Name,
                Column = column.Name,
                Fact = fact,
                Type = type,
                IsEventTime = column.Name == source.EventTime,
                Values = type == TagValueType.String ? Values(db, "fact_" + fact, column.Name) : null,
                Terciles = type.IsNumber() ? Terciles(db, fact, column.Name, asOf) : null,
            };
        if (golden is not null || source.Fact is not null)
            return null;
        return new FieldFacts { Source = source.Name, Column = column.Name, Type = TagValueType.String };
    }

    /// <summary>Every value in frequency order, or null when there are more than an enum takes.</summary>
    private static List<string>? Values(WorkspaceDatabase db, string table, string column)
    {
        var q = SqlText.Ident(column);
        var values = db.Rows($"""
            SELECT CAST({q} AS VARCHAR) AS v, count(*) AS n FROM {SqlText.Ident(table)} WHERE {q} IS NOT NULL
            GROUP BY v ORDER BY n DESC, v LIMIT {TagSuggester.MaxEnumValues + 1}
            """).Select(r => (string)r[0]!).ToList();
        return values.Count > TagSuggester.MaxEnumValues ? null : values;
    }

    /// <summary>The 1/3 and 2/3 quantiles of each person's 365-day sum (the window the band's rule uses).</summary>
    private static (double, double)? Terciles(WorkspaceDatabase db, string fact, string column, DateTime asOf)
    {
        var row = db.Rows($"""
            SELECT quantile_cont(s, 1.0 / 3), quantile_cont(s, 2.0 / 3) FROM (
                SELECT sum({SqlText.Ident(column)}) AS s FROM {SqlText.Ident("fact_" + fact)}
                WHERE oneid IS NOT NULL AND event_time <= $1 AND event_time > $1 - INTERVAL 365 DAY GROUP BY oneid)
            WHERE s IS NOT NULL
            """, asOf)[0];
        return row[0] is null || row[1] is null ? null
            : (Convert.ToDouble(row[0], CultureInfo.InvariantCulture), Convert.ToDouble(row[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Keeps the suggestions that compile beside the existing tags; the others are skipped with the diagnostic.</summary>
    private static List<TagSuggestion> Compile(List<TagDefinition> existing, List<TagSuggestion> suggestions, ModelSchema schema, DateTime asOf, List<SkippedField> skipped)
    {
        var drafts = suggestions.Select(s => s.ToDefinition(SuggestionYaml.RelativePath(s.Source), [SuggestionYaml.TreePath(s.Source)])).ToList();
        var compilation = TagCompiler.Compile(TagCatalog.From([.. existing, .. drafts]), schema, asOf);
        var kept = new List<TagSuggestion>();
        foreach (var s in suggestions)
        {
            var problem = compilation.Diagnostics.FirstOrDefault(d => d.Message.Contains($"'{s.Name}'", StringComparison.Ordinal));
            if (problem is null)
                kept.Add(s);
            else
                skipped.Add(new SkippedField($"{s.Source}.{s.Column}", Texts.T("suggest.skip.compile", problem.Message)));
        }
        return kept;
    }

    private static string Normalize(string rule) => string.Join(" ", rule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
