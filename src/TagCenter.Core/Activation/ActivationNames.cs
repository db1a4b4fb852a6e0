using TagCenter.Core.Tags;

namespace TagCenter.Core.Activation;

/// <summary>
/// What trigger and experiment files may refer to: the workspace's segments and tags (null: not checked, e.g.
/// before tags are published), and the hosts of this server, which a webhook must not call back.
/// </summary>
public sealed record ActivationNames(IReadOnlyCollection<string>? Segments, TagCatalog? Tags)
{
    public static readonly ActivationNames Unchecked = new(null, null);

    /// <summary>Host names (besides localhost and loopback addresses) that are this server.</summary>
    public IReadOnlyCollection<string> SelfHosts { get; init; } = [];
}
