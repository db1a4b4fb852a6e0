using Shouldly;
using TagCenter.Core.Bitmaps;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Index;

/// <summary>
/// Five tags computed from person fields (an enum, a bool, an int, a decimal, a date), a population, the tag values
/// the evaluator computes for it, and a naive index over those values: a rule can then be answered by the plan and
/// by the evaluator, person by person. The index also holds the birthday column (<c>age</c>) and the activity
/// columns (<c>did(…)</c>) of <see cref="Activity"/>, anchored at <see cref="AsOf"/>, computed from the persons'
/// birthdays and fact rows as the index builder computes them.
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
            ["birthday"] = TagValueType.Date,
            [ModelSchema.Age] = TagValueType.Int,
        },
        new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>
        {
            ["orders"] = new Dictionary<string, TagValueType> { ["event_time"] = TagValueType.Timestamp },
            [ModelSchema.EventFact] = new Dictionary<string, TagValueType> { ["event_time"] = TagValueType.Timestamp, ["event"] = TagValueType.String },
        });

    /// <summary>The facts (and events of the event fact) with an activity column; other events are scanned.</summary>
    public static readonly IReadOnlyList<(string Fact, string? Event)> Activity =
        [("orders", null), (ModelSchema.EventFact, null), (ModelSchema.EventFact, "app_start"), (ModelSchema.EventFact, "page_view")];

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

    /// <summary>Persons without fact rows.</summary>
    public PlanFixture(IReadOnlyList<IReadOnlyDictionary<string, object?>> persons)
        : this(persons.Select(fields => new PersonData(fields, new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>())).ToList())
    {
    }

    /// <param name="ageColumn">Also the age column at <see cref="AsOf"/> (each person's age worked out here, as the SQL
    /// defines it), which then answers <c>age</c> instead of the birthday column.</param>
    public PlanFixture(IReadOnlyList<PersonData> persons, bool ageColumn = false)
    {
        _compilation.Diagnostics.ShouldBeEmpty();
        Persons = persons;
        var values = Persons.Select(p => TagEvaluator.Evaluate(_compilation, p, AsOf)).ToList();
        (IndexedTag, TagValueType) Indexed(TagDefinition t) => t.Type switch
        {
            TagValueType.Int => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Integer), t.Type),
            TagValueType.Decimal => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Cents), t.Type),
            TagValueType.Date => (new IndexedTag(t.Code, IndexedAs.Range, IndexEncoding.Days), t.Type),
            _ => (new IndexedTag(t.Code, IndexedAs.Values, IndexEncoding.None), t.Type),
        };
        var columns = Tags.ToDictionary(t => t.Code, t =>
        {
            var (tag, type) = Indexed(t);
            return (tag, type, values.Select(v => v[t.Code]).ToArray());
        });
        columns[PlanBuilder.BirthdayCode] = (new IndexedTag(PlanBuilder.BirthdayCode, IndexedAs.Range, IndexEncoding.Days), TagValueType.Date,
            Persons.Select(p => p.Fields.GetValueOrDefault("birthday") is DateTime b ? (object)b.Date : null).ToArray());
        foreach (var (fact, @event) in Activity)
        {
            var code = ActivityColumns.Code(fact, @event);
            columns[code] = (new IndexedTag(code, IndexedAs.Range, IndexEncoding.Integer), TagValueType.Int,
                Persons.Select(p => ActivityColumns.Latest(p.Facts.GetValueOrDefault(fact) ?? [], AsOf, @event) is { } days ? (object)(decimal)days : null).ToArray());
        }
        if (ageColumn)
            columns[PlanBuilder.AgeCode] = (new IndexedTag(PlanBuilder.AgeCode, IndexedAs.Range, IndexEncoding.Integer), TagValueType.Int,
                Persons.Select(p => p.Fields.GetValueOrDefault("birthday") is DateTime b ? (object)(decimal)Math.Floor((AsOf.Date - b.Date).TotalDays / 365.25) : null).ToArray());
        Index = new MemoryTagIndex(Persons.Count, columns, AsOf, ageColumn ? AsOf : null);
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
