using System.Globalization;
using System.Text.RegularExpressions;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models.Rfm;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using YamlDotNet.RepresentationModel;

namespace TagCenter.Core.Models;

/// <summary>
/// Reads one <c>models/*.yaml</c> file in the style of the tag files: unknown keys, missing keys and values of the
/// wrong shape become diagnostics at their line and column, each naming the model.
/// </summary>
internal static partial class ModelFileParser
{
    private static readonly string[] ModelKeys = ["kind", "description", "owner", "schedule", "input", "parameters", "outputs", "features", "describe", "label", "population", "seed"];

    private static readonly string[] InputKeys = ["fact", "time", "amount", "category", "basket", "where"];

    private static IReadOnlyList<string> ParameterKeys(ModelKind kind) => kind switch
    {
        ModelKind.Rfm => ["window_days", "scoring", "thresholds"],
        ModelKind.Clv => ["time_unit", "horizon_days", "periods", "discount_rate", "holdout_days", "max_iterations"],
        ModelKind.Propensity or ModelKind.Lookalike => ["holdout_percent", "threshold"],
        ModelKind.Cluster => ["k_min", "k_max", "sample"],
        ModelKind.Recommendation => ["top", "window_days"],
        _ => ["window_days", "half_life_days", "top", "weight", "share_of", "levels"],
    };

    /// <summary>The keys only some kinds read: the others would silently ignore them.</summary>
    private static IReadOnlyList<string> KindKeys(ModelKind kind) => kind switch
    {
        ModelKind.Propensity => ["features", "label", "population"],
        ModelKind.Lookalike => ["features", "seed"],
        ModelKind.Cluster => ["features", "describe"],
        _ => [],
    };

    private static bool ReadsTags(ModelKind kind) => kind is ModelKind.Propensity or ModelKind.Lookalike or ModelKind.Cluster;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Column();

    public static IReadOnlyList<ModelDefinition> Parse(string file, string yaml, List<Diagnostic> diagnostics)
    {
        if (YamlSyntax.Load(yaml, file, diagnostics) is not { } stream || stream.Documents.Count == 0)
            return [];
        var top = YamlMap.From(stream.Documents[0].RootNode, Texts.T("workspace.what_model_file"), file, diagnostics);
        if (top is null)
            return [];
        top.AllowOnly(Texts.T("workspace.what_model_file"), "models");
        var result = new List<ModelDefinition>();
        foreach (var (name, keyNode, value) in YamlMap.From(top.Get("models"), "models", file, diagnostics)?.Entries ?? [])
        {
            var context = $"model '{name}'";
            var model = YamlMap.From(value, context, file, diagnostics);
            if (model is null)
                continue;
            model.AllowOnly(context, ModelKeys);
            if (model.String("kind", required: true, context: context) is null)
                continue;
            if (model.Enum<ModelKind>("kind") is not { } kind)
                continue;
            var schedule = model.String("schedule") ?? "daily";
            if (RefreshSchedule.Problem(schedule) is { } problem)
                model.Error("schedule", problem);
            foreach (var key in new[] { "features", "describe", "label", "population", "seed" }.Where(k => model.Get(k) is not null && !KindKeys(kind).Contains(k)))
                model.Error(key, Texts.T("models.parse.notfor", name, key, kind.ToString().ToLowerInvariant()));
            var label = kind == ModelKind.Propensity ? Label(model, name, file, diagnostics) : null;
            var needsInput = !ReadsTags(kind) || label is { Kind: not ModelLabelKind.Tag };
            var input = needsInput || model.Get("input") is not null ? Input(model, kind, name, file, diagnostics) : null;
            var parameters = Parameters(model, kind, name, file, diagnostics);
            var features = model.List("features") ?? [];
            if (ReadsTags(kind) && features.Count == 0)
                model.Error("kind", Texts.T("workspace.missing_key_in", "features", $"model '{name}'"));
            var seed = model.String("seed", required: kind == ModelKind.Lookalike, context: context);
            var outputs = model.StringMap("outputs") ?? new Dictionary<string, string>();
            var known = ModelOutput.Of(kind);
            foreach (var output in outputs.Keys.Where(k => !known.ContainsKey(k)))
                model.Error("outputs", Texts.T("models.parse.output", name, output, Suggest.Hint(output, known.Keys), string.Join(", ", known.Keys)));
            if (outputs.Count == 0)
                model.Error("outputs", Texts.T("models.parse.nooutputs", name, string.Join(", ", known.Keys)));
            if (outputs.ContainsKey("share") || outputs.ContainsKey("level"))
                CheckShare(model, name, outputs, parameters);
            if (needsInput && input is null)
                continue;
            result.Add(new ModelDefinition
            {
                Name = name,
                Kind = kind,
                Input = input,
                Features = [.. features.Select(f => f.Trim())],
                Describe = [.. (model.List("describe") ?? []).Select(f => f.Trim())],
                Label = label,
                Population = model.String("population"),
                Seed = seed,
                SeedRule = seed,
                Parameters = parameters,
                Outputs = outputs.Where(o => known.ContainsKey(o.Key)).ToDictionary(o => o.Key, o => o.Value.Trim(), StringComparer.Ordinal),
                Description = model.String("description"),
                Owner = model.String("owner"),
                Schedule = schedule,
                File = file,
                Line = (int)keyNode.Start.Line,
                Column = (int)keyNode.Start.Column,
            });
        }
        return result;
    }

    private static ModelInput? Input(YamlMap model, ModelKind kind, string name, string file, List<Diagnostic> diagnostics)
    {
        var context = $"model '{name}' input";
        if (model.Get("input") is null)
        {
            model.Error("kind", Texts.T("workspace.missing_key_in", "input", $"model '{name}'"));
            return null;
        }
        var input = YamlMap.From(model.Get("input"), context, file, diagnostics);
        if (input is null)
            return null;
        input.AllowOnly(context, InputKeys);
        string? ColumnName(string key, bool required)
        {
            var text = input.String(key, required, context);
            if (text is not null && !Column().IsMatch(text))
                input.Error(key, Texts.T("models.parse.column", name, text));
            return text;
        }
        var fact = ColumnName("fact", required: true);
        var amount = ColumnName("amount", required: kind is ModelKind.Rfm or ModelKind.Clv);
        var category = ColumnName("category", required: kind is ModelKind.Preference or ModelKind.Recommendation);
        var basket = ColumnName("basket", required: kind == ModelKind.Recommendation);
        var where = input.StringMap("where") ?? new Dictionary<string, string>();
        foreach (var column in where.Keys.Where(k => !Column().IsMatch(k)))
            input.Error("where", Texts.T("models.parse.column", name, column));
        return fact is null ? null : new ModelInput(fact, ColumnName("time", required: false) ?? "event_time", amount, category, where) { Basket = basket };
    }

    private static ModelParameters Parameters(YamlMap model, ModelKind kind, string name, string file, List<Diagnostic> diagnostics)
    {
        var context = $"model '{name}' parameters";
        var map = YamlMap.From(model.Get("parameters"), context, file, diagnostics);
        if (map is null)
            return new ModelParameters();
        map.AllowOnly(context, [.. ParameterKeys(kind)]);
        int? Whole(string key, int min, int max)
        {
            if (map.Decimal(key) is not { } value)
                return null;
            if (value == decimal.Truncate(value) && value >= min && value <= max)
                return (int)value;
            map.Error(key, Texts.T("models.parse.range", name, key, min, max));
            return null;
        }
        var defaults = new ModelParameters();
        var unit = map.String("time_unit") ?? "week";
        if (unit is not ("day" or "week"))
            map.Error("time_unit", Texts.T("models.parse.choice", name, "time_unit", unit, "day, week"));
        var scoring = map.String("scoring") ?? (map.Get("thresholds") is null ? "quantiles" : "thresholds");
        if (scoring is not ("quantiles" or "thresholds"))
            map.Error("scoring", Texts.T("models.parse.choice", name, "scoring", scoring, "quantiles, thresholds"));
        var weight = map.String("weight") ?? "count";
        if (weight is not ("count" or "amount"))
            map.Error("weight", Texts.T("models.parse.choice", name, "weight", weight, "count, amount"));
        var discount = map.Decimal("discount_rate");
        if (discount is < 0 or > 1)
            map.Error("discount_rate", Texts.T("models.parse.discount", name));
        var halfLife = map.Decimal("half_life_days");
        if (halfLife is <= 0)
            map.Error("half_life_days", Texts.T("models.parse.range", name, "half_life_days", 1, 36500));
        return new ModelParameters
        {
            WindowDays = Whole("window_days", 1, 36500),
            Thresholds = scoring == "thresholds" ? Thresholds(map, name, file, diagnostics) : null,
            UnitDays = unit == "day" ? 1 : 7,
            HorizonDays = Whole("horizon_days", 1, 3650) ?? defaults.HorizonDays,
            Periods = Whole("periods", 1, 520) ?? defaults.Periods,
            DiscountRate = (double)(discount ?? (decimal)defaults.DiscountRate),
            HoldoutDays = Whole("holdout_days", 0, 3650) ?? 0,
            MaxIterations = Whole("max_iterations", 1, 100_000) ?? defaults.MaxIterations,
            HalfLifeDays = (double)(halfLife ?? (decimal)defaults.HalfLifeDays),
            Top = Whole("top", 1, 100) ?? defaults.Top,
            WeightByAmount = weight == "amount",
            HoldoutPercent = Whole("holdout_percent", 5, 40) ?? defaults.HoldoutPercent,
            Threshold = Fraction(map, "threshold", name) ?? defaults.Threshold,
            ShareOf = map.String("share_of"),
            Levels = Levels(map, name, file, diagnostics),
            KMin = Whole("k_min", 2, 30) ?? defaults.KMin,
            KMax = Whole("k_max", 2, 30) ?? defaults.KMax,
            SampleSize = Whole("sample", 100, 20000) ?? defaults.SampleSize,
        };
    }

    /// <summary>A share needs the category it measures; a level also needs its labels.</summary>
    private static void CheckShare(YamlMap model, string name, IReadOnlyDictionary<string, string> outputs, ModelParameters parameters)
    {
        if (parameters.ShareOf is null)
            model.Error("outputs", Texts.T("models.parse.shareof", name));
        if (outputs.ContainsKey("level") && parameters.Levels.Count == 0)
            model.Error("outputs", Texts.T("models.parse.levels", name));
    }

    /// <summary><c>levels: { 高: 0.5, 中: 0.2, 低: 0 }</c>: each label from a lower bound between 0 and 1.</summary>
    private static IReadOnlyList<Preferences.PreferenceLevel> Levels(YamlMap parameters, string name, string file, List<Diagnostic> diagnostics)
    {
        if (parameters.Get("levels") is null)
            return [];
        var map = YamlMap.From(parameters.Get("levels"), $"model '{name}' levels", file, diagnostics);
        var levels = new List<Preferences.PreferenceLevel>();
        foreach (var (label, _, value) in map?.Entries ?? [])
        {
            if (value is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var from) && from is >= 0 and <= 1)
                levels.Add(new Preferences.PreferenceLevel(label, from));
            else
                map!.Error(label, Texts.T("models.parse.levels", name));
        }
        return levels;
    }

    private static double? Fraction(YamlMap map, string key, string name)
    {
        if (map.Decimal(key) is not { } value)
            return null;
        if (value is > 0 and < 1)
            return (double)value;
        map.Error(key, Texts.T("models.parse.fraction", name, key));
        return null;
    }

    /// <summary><c>label: { absent_within_days: 90 }</c>, <c>{ within_days: 30 }</c> or <c>{ tag: X, positive: [..], negative: [..] }</c>.</summary>
    private static ModelLabel? Label(YamlMap model, string name, string file, List<Diagnostic> diagnostics)
    {
        if (model.Get("label") is null)
        {
            model.Error("kind", Texts.T("workspace.missing_key_in", "label", $"model '{name}'"));
            return null;
        }
        var context = $"model '{name}' label";
        var map = YamlMap.From(model.Get("label"), context, file, diagnostics);
        if (map is null)
            return null;
        map.AllowOnly(context, "absent_within_days", "within_days", "tag", "positive", "negative");
        var given = new[] { "absent_within_days", "within_days", "tag" }.Where(k => map.Get(k) is not null).ToList();
        if (given.Count != 1)
        {
            model.Error("label", Texts.T("models.parse.label", name));
            return null;
        }
        if (given[0] == "tag")
            return new ModelLabel(ModelLabelKind.Tag, 0, map.String("tag"), map.List("positive") ?? [], map.List("negative") ?? []);
        if (map.Decimal(given[0]) is not { } days || days != decimal.Truncate(days) || days is < 1 or > 3650)
        {
            map.Error(given[0], Texts.T("models.parse.range", name, given[0], 1, 3650));
            return null;
        }
        return new ModelLabel(given[0] == "within_days" ? ModelLabelKind.Within : ModelLabelKind.Absent, (int)days, null, [], []);
    }

    private static RfmThresholds? Thresholds(YamlMap parameters, string name, string file, List<Diagnostic> diagnostics)
    {
        var map = YamlMap.From(parameters.Get("thresholds"), $"model '{name}' thresholds", file, diagnostics);
        if (map is null)
        {
            parameters.Error("scoring", Texts.T("models.parse.thresholds", name, "recency, frequency, monetary"));
            return null;
        }
        map.AllowOnly($"model '{name}' thresholds", "recency", "frequency", "monetary");
        IReadOnlyList<double> Four(string key)
        {
            var texts = map.List(key);
            var values = new List<double>();
            foreach (var text in texts ?? [])
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                    values.Add(v);
            if (texts is null || values.Count != 4 || values.Count != texts.Count || !values.Zip(values.Skip(1)).All(p => p.First < p.Second))
                map.Error(key, Texts.T("models.parse.thresholds", name, key));
            return values;
        }
        return new RfmThresholds(Four("recency"), Four("frequency"), Four("monetary"));
    }
}
