using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// Five tags computed from person fields (an enum, a bool, an int, a decimal, a date), a population, the tag values
/// the evaluator computes for it, and a naive index over those values: a rule can then be answered by the plan and
/// by the evaluator, person by person.
/// </summary>
internal sealed class PlanFixture
{
    public static readonly DateTime AsOf = new(2026, 11, 1);

    public static readonly ModelSchema Schema = new(
        new Dictionary<string, TagValueType>
        {
            ["f_level"] = TagValueType.String,
            ["f_vip"] = TagValueType.Bool,
            ["f_n"] = TagValueType.Int,
            ["f_m"] = TagValueType.Decimal,
            ["f_d"] = TagValueType.Date,
        },
        new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>());

    public static readonly IReadOnlyList<TagDefinition> Tags =
    [
        Tag("level", TagKind.Enum, TagValueType.String, "f_level", ["高", "中", "低"]),
        Tag("vip", TagKind.Value, TagValueType.Bool, "f_vip"),
        Tag("n", TagKind.Value, TagValueType.Int, "f_n"),
        Tag("m", TagKind.Value, TagValueType.Decimal, "f_m"),
        Tag("d", TagKind.Value, TagValueType.Date, "f_d"),
    ];

    private static readonly Dictionary<string, TagDefinition> ByName = Tags.ToDictionary(t => t.Name);

    private static TagDefinition Tag(string name, TagKind kind, TagValueType type, string rule, IReadOnlyList<string>? values = null) => new()
    {
        Name = name,
        Code = name,
        Path = ["测试"],
        Kind = kind,
        Type = type,
        Rule = rule,
        Values = values ?? [],
        File = "t.yaml",
    };

    private readonly TagCompilation _compilation = TagCompiler.Compile(TagCatalog.From(Tags), Schema, AsOf);

    public PlanFixture(IReadOnlyList<IReadOnlyDictionary<string, object?>> persons)
    {
        _compilation.Diagnostics.ShouldBeEmpty();
        Persons = persons.Select(fields => new PersonData(fields, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>())).ToList();
        var values = Persons.Select(p => TagEvaluator.Evaluate(_compilation, p, AsOf)).ToList();
        (IndexedTag, TagValueType) Indexed(TagDefinition t) => t.Type switch
        {
            TagValueType.Int => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Integer), t.Type),
            TagValueType.Decimal => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Cents), t.Type),
            TagValueType.Date => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Days), t.Type),
            _ => (new IndexedTag(t.Code, IndexedAs.Values, IndexEncoding.None), t.Type),
        };
        Index = new MemoryTagIndex(Persons.Count, Tags.ToDictionary(t => t.Code, t =>
        {
            var (tag, type) = Indexed(t);
            return (tag, type, values.Select(v => v[t.Code]).ToArray());
        }));
    }

    public IReadOnlyList<PersonData> Persons { get; }

    public MemoryTagIndex Index { get; }

    public static BoundRule Bind(string rule) => Binder.Bind(rule, Schema, ByName);

    /// <summary>What the evaluator says the bound expression is for each person (true, false or null).</summary>
    public object? Evaluate(BoundNode node, int person) => TagEvaluator.Evaluate(_compilation, node, Persons[person], AsOf);

    /// <summary>The persons for whom the evaluator says <paramref name="node"/> is TRUE.</summary>
    public RoaringBitmap EvaluatorSet(BoundNode node)
    {
        var result = new RoaringBitmap();
        for (var p = 0; p < Persons.Count; p++)
            if (Evaluate(node, p) is true)
                result.Add((uint)p);
        return result;
    }

    public IndexPlanExecutor Executor() => new(Index, scan => EvaluatorSet((BoundNode)scan.Predicate));
}
