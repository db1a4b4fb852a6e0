using System.Globalization;
using System.Text;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Features;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Models;

/// <summary>Feature tags as of a time, the bool rules computed beside them (population, seed), and a hash of it all.</summary>
internal sealed record FeatureRead(FeatureTable Table, IReadOnlyDictionary<string, bool?[]> Rules, IReadOnlyDictionary<string, object?[]> Raw, string Hash);

/// <summary>
/// Computes feature tags for every person AS OF a time with the tag compiler (the statement a tag run uses, for the
/// tags named and what they read: facts after the time are not read), without storing anything. Model tags are
/// not read from their models' current versions (a tag reading one sees NULL), so what a model learns never depends
/// on another model's current version; a preference model's tag named here is recomputed as of the time
/// (<see cref="PreferenceSql"/>), as its value then would have been. Numbers, bools (0/1) and dates (days before the time) become numeric features;
/// texts become categorical ones; NULL is missing.
/// </summary>
internal static class ModelFeatures
{
    public static FeatureRead Read(WorkspaceDatabase db, TagCatalog catalog, IReadOnlyList<string> names, IReadOnlyDictionary<string, string> rules,
        DateTime asOf, IReadOnlyList<string>? raw = null, ModelCatalog? models = null)
    {
        var tags = names.Concat(raw ?? []).Distinct().Select(n => catalog.Find(n) ?? throw new ModelFitException(Texts.T("tags.unknown", n, ""))).ToList();
        var preferences = new Dictionary<string, Core.Sql.SqlFragment>(StringComparer.Ordinal);
        foreach (var tag in tags.Where(TagCompiler.IsModelTag))
            if (models?.Filling(tag.Name) is ({ Kind: ModelKind.Preference } model, _))
                preferences[tag.Name] = PreferenceSql.Values(model, new ModelFacts(db, model, asOf), tag);
        var ruleTags = rules.Select((r, i) => new TagDefinition
        {
            Name = r.Key,
            Code = $"_rule_{i}",
            Path = [],
            Kind = TagKind.Value,
            Type = TagValueType.Bool,
            Rule = r.Value,
            File = "models/",
        }).ToList();
        var compiled = TagCompiler.Compile(TagCatalog.From([.. catalog.Tags, .. ruleTags]), new TagRunner(db, TimeProvider.System).Schema(), asOf,
            [.. tags.Select(t => t.Name), .. ruleTags.Select(t => t.Name)], models: preferences);
        if (!compiled.Success)
            throw new ModelFitException(string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var columns = string.Join(", ", tags.Concat(ruleTags).Select(t => Core.Sql.SqlText.Ident(t.Code)).Prepend("oneid"));
        var rows = db.Rows($"SELECT {columns} FROM ({compiled.Sql}) f ORDER BY oneid", [.. compiled.Parameters]);
        var ids = rows.Select(r => (string)r[0]!).ToList();
        var hash = 0UL;
        foreach (var row in rows)
            hash ^= Fnv(string.Join("\u001f", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        var features = new List<FeatureColumn>();
        foreach (var (tag, index) in tags.Select((t, i) => (t, i + 1)).Where(x => names.Contains(x.t.Name)))
        {
            if (tag.Type is TagValueType.String)
            {
                features.Add(FeatureColumn.Categorical(tag.Name, [.. rows.Select(r => r[index] is null ? null : Convert.ToString(r[index], CultureInfo.InvariantCulture))]));
                continue;
            }
            var numbers = rows.Select(r => Number(r[index], asOf)).ToArray();
            // NULL is a missing value, handled; a NaN or an infinity the data computed is not.
            if (Enumerable.Range(0, rows.Count).Count(i => rows[i][index] is not null && !float.IsFinite(numbers[i])) is var bad and > 0)
                throw new ModelFitException(Texts.T("models.fit.nonfinite", tag.Name, bad));
            features.Add(FeatureColumn.Numeric(tag.Name, numbers));
        }
        var rawColumns = tags.Select((t, i) => (t, i + 1)).Where(x => raw?.Contains(x.t.Name) == true)
            .ToDictionary(x => x.t.Name, x => rows.Select(r => r[x.Item2]).ToArray(), StringComparer.Ordinal);
        var ruleColumns = ruleTags.Select((t, i) => (t, 1 + tags.Count + i))
            .ToDictionary(x => x.t.Name, x => rows.Select(r => r[x.Item2] is bool b ? b : (bool?)null).ToArray(), StringComparer.Ordinal);
        return new FeatureRead(new FeatureTable(ids, features), ruleColumns, rawColumns, string.Create(CultureInfo.InvariantCulture, $"{rows.Count}:{hash:x16}"));
    }

    private static float Number(object? value, DateTime asOf) => (float)(value switch
    {
        null => double.NaN,
        bool b => b ? 1 : 0,
        DateTime t => (asOf - t).TotalDays,
        DateOnly d => (asOf - d.ToDateTime(TimeOnly.MinValue)).TotalDays,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    });

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
