using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Sql;

namespace TagCenter.Core.Tags;

/// <summary>The SQL that computes every requested tag for every person, or the diagnostics that stopped it.</summary>
public sealed record TagCompilation(
    string Sql,
    IReadOnlyList<object?> Parameters,
    IReadOnlyList<TagDefinition> Tags,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Per tag, the fact columns and person fields its rule reads (its upstream data).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reads { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The layers of the statement in order (0: the fact passes), each with a statement that computes up to it.</summary>
    public IReadOnlyList<TagLayer> Layers { get; init; } = [];

    /// <summary>The parsed rule of every compiled tag, by name (the syntax as written; back ends walk <see cref="Bound"/>).</summary>
    public IReadOnlyDictionary<string, ExpressionNode> Trees { get; init; } = new Dictionary<string, ExpressionNode>();

    /// <summary>The bound rule of every compiled tag, by name: the one tree every back end (SQL, the evaluator, the bitmap plan) walks.</summary>
    public IReadOnlyDictionary<string, BoundNode> Bound { get; init; } = new Dictionary<string, BoundNode>();

    public bool Success => Diagnostics.Count == 0;
}

/// <summary>
/// One layer of a compiled statement: the tags it computes (layer 0: the tags whose aggregates the fact passes
/// compute) and a statement that evaluates everything up to it, to tell which layer an engine error comes from.
/// </summary>
public sealed record TagLayer(int Number, IReadOnlyList<string> Tags, SqlCommand Probe);
