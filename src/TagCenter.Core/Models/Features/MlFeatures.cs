using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace TagCenter.Core.Models.Features;

/// <summary>
/// The ML.NET side of the features: a data view over chosen rows of a <see cref="FeatureTable"/> (rows are made as
/// ML.NET reads them, never all at once) and the preparation every learning model shares: flag missing numbers,
/// replace them by the training mean, standardise (mean 0, variance 1), and join them with the one-hot values into
/// one <c>Features</c> vector.
/// </summary>
internal static class MlFeatures
{
    internal sealed class Row
    {
        public bool Label { get; set; }

        public float[] Numeric { get; set; } = [];

        public float[] OneHot { get; set; } = [];
    }

    public static IDataView View(MLContext ml, FeatureEncoder encoder, FeatureTable table, IReadOnlyList<int> rows, Func<int, bool>? label = null)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Numeric)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, encoder.NumericCount));
        schema[nameof(Row.OneHot)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, encoder.OneHotCount));
        return ml.Data.LoadFromEnumerable(rows.Select(r => new Row
        {
            Label = label?.Invoke(r) ?? false,
            Numeric = encoder.Numeric(table, r),
            OneHot = encoder.OneHot(table, r),
        }), schema);
    }

    /// <summary>Missing flags and mean replacement, standardisation, then one <c>Features</c> vector (slots as <see cref="FeatureEncoder.SlotNames"/>).</summary>
    public static IEstimator<ITransformer> Prepare(MLContext ml, FeatureEncoder encoder)
    {
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        var parts = new List<string>();
        if (encoder.NumericCount > 0)
        {
            pipeline = pipeline
                .Append(ml.Transforms.IndicateMissingValues("MissingFlags", nameof(Row.Numeric)))
                .Append(ml.Transforms.Conversion.ConvertType("Missing", "MissingFlags", DataKind.Single))
                .Append(ml.Transforms.ReplaceMissingValues(nameof(Row.Numeric), replacementMode: MissingValueReplacingEstimator.ReplacementMode.Mean))
                .Append(ml.Transforms.NormalizeMeanVariance(nameof(Row.Numeric), fixZero: false));
            parts.AddRange([nameof(Row.Numeric), "Missing"]);
        }
        if (encoder.OneHotCount > 0)
            parts.Add(nameof(Row.OneHot));
        return pipeline.Append(ml.Transforms.Concatenate("Features", [.. parts]));
    }
}
