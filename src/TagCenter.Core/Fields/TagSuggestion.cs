using TagCenter.Core.Tags;

namespace TagCenter.Core.Fields;

/// <summary>A proposed tag: a definition the user can keep, with the field it came from.</summary>
public sealed record TagSuggestion
{
    public required string Source { get; init; }

    public required string Column { get; init; }

    public required string Name { get; init; }

    public required string Code { get; init; }

    public required TagKind Kind { get; init; }

    public required TagValueType Type { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>口径 in words, Chinese and English.</summary>
    public required string Definition { get; init; }

    /// <summary>The rule, or the golden field when <see cref="FromGolden"/>.</summary>
    public required string Rule { get; init; }

    public bool FromGolden { get; init; }

    /// <summary>The definition as the catalog would read it from <paramref name="file"/> (a draft).</summary>
    public TagDefinition ToDefinition(string file, IReadOnlyList<string> path) => new()
    {
        Name = Name,
        Code = Code,
        Path = path,
        Kind = Kind,
        Type = Type,
        Values = Values,
        Definition = Definition,
        Status = "draft",
        Rule = Rule,
        File = file,
    };
}
