using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Identity;

/// <summary>A person came out larger than identity.max_component_size: a junk value almost merged many customers.</summary>
public sealed class GiantComponentException : TagCenterException
{
    public GiantComponentException(int size, int limit, IReadOnlyList<string> topIdentifiers)
        : base($"identity stopped: one person would hold {size:N0} identifiers (max_component_size is {limit:N0}). " +
               $"The most connected values are: {string.Join(", ", topIdentifiers)}. " +
               "Add the junk ones to identity.blocklist (or raise the limit if this is real), then run again. Nothing was changed.")
    {
        Size = size;
        TopIdentifiers = topIdentifiers;
    }

    public GiantComponentException() => TopIdentifiers = [];

    public GiantComponentException(string message) : base(message) => TopIdentifiers = [];

    public GiantComponentException(string message, Exception inner) : base(message, inner) => TopIdentifiers = [];

    public int Size { get; }

    public IReadOnlyList<string> TopIdentifiers { get; }
}
