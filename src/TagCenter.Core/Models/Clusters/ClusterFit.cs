namespace TagCenter.Core.Models.Clusters;

/// <summary>One trait that makes a cluster stand out: a numeric feature far from the population mean (z, in standard deviations) or a value over-represented in it (TGI).</summary>
/// <param name="Score">How much it stands out: |z| for numbers; |TGI − 100| / 100 × share in the cluster for values (the portrait's score).</param>
public sealed record ClusterTrait(string Feature, string Label, double? Z, double? Tgi, double ShareInCluster, double Score);

/// <summary>A cluster: its readable name (its top traits), size and every trait that stands out, strongest first.</summary>
public sealed record ClusterProfile(int Cluster, string Name, int Persons, IReadOnlyList<ClusterTrait> Traits);

/// <summary>The k tried with the silhouette each reached on the sample.</summary>
public sealed record ClusterChoice(int K, double Silhouette);

/// <summary>
/// A K-means clustering: the k chosen by silhouette, what was tried, each person's cluster (0 the largest) and the
/// clusters described and named.
/// </summary>
public sealed record ClusterFit(int K, IReadOnlyList<ClusterChoice> Tried, int[] Assignments, IReadOnlyList<ClusterProfile> Clusters, int SampleSize);
