using TagCenter.Core.Models;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// One model that applying the files would add, change or remove. <see cref="What"/> names what differs from the
/// published declaration (<c>parameters.window_days</c>, <c>schedule</c>, <c>outputs</c>…); a removal lists the tags,
/// segments and models that still read its output tags, and is refused while it does.
/// </summary>
public sealed record ModelChange(ModelChangeAction Action, string Name, ModelKind Kind, IReadOnlyList<string> What,
    ModelDefinition? Before, ModelDefinition? After)
{
    public IReadOnlyList<string> Dependents { get; init; } = [];
}
