using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Trains models and records every attempt as a version. A model whose data cannot give a fit (too few persons, one
/// purchase each, NaN, no convergence, a missing column) gets a failed version saying why, naming the model, and its
/// previous successful version stays in use: its outputs are kept until a newer version succeeds.
/// </summary>
public sealed class ModelTrainer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly WorkspaceDatabase _db;
    private readonly TimeProvider _time;
    private readonly TagCatalog? _tags;
    private readonly ModelCatalog? _models;

    /// <param name="tags">The tags feature-reading models (propensity, lookalike, cluster) compute their features with.</param>
    public ModelTrainer(WorkspaceDatabase db, TimeProvider time, TagCatalog? tags = null)
    {
        _db = db;
        _time = time;
        _tags = tags;
        ModelTables.Ensure(db);
    }

    /// <summary>With the whole catalog: its tags, and its preference models, which a feature that is a preference tag is recomputed with.</summary>
    public ModelTrainer(WorkspaceDatabase db, TimeProvider time, ModelCatalog models)
        : this(db, time, models.Tags) => _models = models;

    private TagCatalog Tags => _tags ?? throw new InvalidOperationException("a model that reads tags needs the ModelTrainer built with the tag catalog");

    /// <param name="asOf">The wall time in the workspace's zone the model learns up to (events strictly before it).</param>
    public ModelRunReport Train(ModelDefinition model, DateTime asOf)
    {
        var started = Stopwatch.GetTimestamp();
        var version = _db.Scalar<int?>("SELECT max(version) FROM model_versions WHERE model = $1", model.Name).GetValueOrDefault() + 1;
        // Outputs of an attempt that died before recording its version would otherwise be read as this one's.
        _db.Execute("DELETE FROM model_outputs WHERE model = $1 AND version >= $2", model.Name, version);
        string? hash = null;
        try
        {
            var facts = model.Input is null ? null : new ModelFacts(_db, model, asOf);
            if (facts is not null)
            {
                var hashRow = _db.Rows(facts.Hash(model.Kind == ModelKind.Clv ? null : model.Parameters.WindowDays))[0];
                hash = string.Create(CultureInfo.InvariantCulture, $"{hashRow[0]}:{Convert.ToUInt64(hashRow[1], CultureInfo.InvariantCulture):x16}");
            }
            ModelRun run;
            using (var writer = new ModelOutputWriter(_db, model.Name, version))
            {
                run = model.Kind switch
                {
                    ModelKind.Rfm => RfmTraining.Run(_db, model, facts!, writer),
                    ModelKind.Clv => ClvTraining.Run(_db, model, facts!, writer),
                    ModelKind.Propensity => PropensityTraining.Run(_db, model, Tags, _models, asOf, writer),
                    ModelKind.Lookalike => LookalikeTraining.Run(_db, model, Tags, _models, asOf, writer),
                    ModelKind.Cluster => ClusterTraining.Run(_db, model, Tags, _models, asOf, writer),
                    ModelKind.Recommendation => RecommendationTraining.Run(_db, model, facts!, version),
                    _ => PreferenceTraining.Run(_db, model, facts!, version),
                };
            }
            hash = run.DataHash ?? hash;
            _db.InTransaction(() =>
            {
                Record(model, version, asOf, run.Parameters, run.Metrics, hash, run.Persons, "ok", null);
                // Keep this version's outputs and the previous successful one's (for comparison); older ones go.
                _db.Execute("""
                    DELETE FROM model_outputs WHERE model = $1 AND version < coalesce(
                        (SELECT max(version) FROM model_versions WHERE model = $1 AND status = 'ok' AND version < $2), $2)
                    """, model.Name, version);
            });
            return new ModelRunReport(model.Name, version, true, run.Persons, null, version, Stopwatch.GetElapsedTime(started)) { Metrics = run.Metrics };
        }
        catch (Exception e) when (e is ModelFitException or EngineException || e.Source?.StartsWith("Microsoft.ML", StringComparison.Ordinal) == true)
        {
            _db.Execute("DELETE FROM model_outputs WHERE model = $1 AND version = $2", model.Name, version);
            var message = new ModelTrainingException(model.Name, e.Message, e).Message;
            Record(model, version, asOf, new Dictionary<string, object?>(), new Dictionary<string, object?>(), hash, 0, "failed", message);
            return new ModelRunReport(model.Name, version, false, 0, message, ModelTables.InUse(_db).TryGetValue(model.Name, out var inUse) ? inUse : null,
                Stopwatch.GetElapsedTime(started));
        }
    }

    private void Record(ModelDefinition model, int version, DateTime asOf, IReadOnlyDictionary<string, object?> parameters,
        IReadOnlyDictionary<string, object?> metrics, string? hash, long persons, string status, string? message)
    {
        var trainedAt = _time.GetUtcNow().UtcDateTime;
        _db.Execute(Of($"""
            INSERT INTO model_versions (model, version, kind, trained_at, as_of, parameters, metrics, data_hash, persons, status, message)
            VALUES ({Value(model.Name)}, {Value(version)}, {Value(model.Kind.ToString().ToLowerInvariant())}, {Value(trainedAt)}, {Value(asOf)},
                    {Value(JsonSerializer.Serialize(parameters, Json))}, {Value(JsonSerializer.Serialize(metrics, Json))}, {Value(hash)},
                    {Value(persons)}, {Value(status)}, {Value(message)})
            """));
    }

    /// <summary>Texts for a report line, in the run's language.</summary>
    public static string Describe(ModelRunReport report) => report.Succeeded
        ? Texts.T("models.run.ok", report.Model, report.Version, report.Persons)
        : report.Message ?? "";
}
