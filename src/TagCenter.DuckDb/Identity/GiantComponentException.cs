using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Identity;

/// <summary>A person came out larger than identity.max_component_size: a junk value almost merged many customers.</summary>
public sealed class GiantComponentException : TagCenterException
{
    public GiantComponentException(int size, int limit, IReadOnlyList<string> topIdentifiers)
        : base(Texts.T("identity.err.giant", size, limit, string.Join(", ", topIdentifiers)))
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
