using TagCenter.Core.Models;
using TagCenter.Core.Models.Clusters;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Clusters (客户分群): the feature tags and the describing tags as of now; K-means with k chosen by silhouette; each
/// person gets the cluster's name (and number). The record keeps every k tried, and per cluster its size and traits.
/// </summary>
internal static class ClusterTraining
{
    public static ModelRun Run(WorkspaceDatabase db, ModelDefinition model, TagCatalog tags, ModelCatalog? models, DateTime asOf, ModelOutputWriter writer)
    {
        var p = model.Parameters;
        var names = model.Features.Concat(model.Describe).Distinct().ToList();
        var read = ModelFeatures.Read(db, tags, names, new Dictionary<string, string>(), asOf, models: models);
        var fit = KMeansClustering.Fit(read.Table.Only(model.Features), read.Table.Only(model.Describe), p.KMin, p.KMax, p.SampleSize);
        for (var i = 0; i < fit.Assignments.Length; i++)
        {
            var cluster = fit.Clusters[fit.Assignments[i]];
            foreach (var output in model.Outputs.Keys)
            {
                if (output == "cluster")
                    writer.Text(read.Table.OneIds[i], output, cluster.Name);
                else
                    writer.Number(read.Table.OneIds[i], output, cluster.Cluster);
            }
        }
        var metrics = new Dictionary<string, object?>
        {
            ["persons"] = fit.Assignments.Length,
            ["k"] = fit.K,
            ["silhouette"] = fit.Tried.ToDictionary(t => t.K.ToString(System.Globalization.CultureInfo.InvariantCulture), t => t.Silhouette),
            ["silhouette_sample"] = fit.SampleSize,
            ["clusters"] = fit.Clusters.Select(c => new Dictionary<string, object?>
            {
                ["number"] = c.Cluster,
                ["name"] = c.Name,
                ["persons"] = c.Persons,
                ["share"] = (double)c.Persons / fit.Assignments.Length,
                ["traits"] = c.Traits.Take(6).Select(t => new Dictionary<string, object?>
                {
                    ["trait"] = t.Label,
                    ["feature"] = t.Feature,
                    ["z"] = t.Z,
                    ["tgi"] = t.Tgi,
                    ["share_in_cluster"] = t.ShareInCluster,
                }).ToList(),
            }).ToList(),
        };
        var parameters = new Dictionary<string, object?>
        {
            ["features"] = model.Features,
            ["describe"] = model.Describe,
            ["k_min"] = p.KMin,
            ["k_max"] = p.KMax,
            ["sample"] = p.SampleSize,
        };
        return new ModelRun(fit.Assignments.Length, parameters, metrics) { DataHash = read.Hash };
    }
}
