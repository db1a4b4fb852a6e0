using System.Runtime.CompilerServices;

namespace TagCenter.Core.Sql;

/// <summary>
/// A piece of SQL that has not been numbered yet: text written by the compiler and values to bind, in order.
/// Values never become text; <see cref="SqlCommandBuilder"/> numbers them when the statement is put together,
/// so a fragment can be shared (an aggregate two tags use) or left out (a tag not asked for) freely.
/// Fragments compare by content, which is how identical aggregates are found.
/// </summary>
public sealed class SqlFragment : IEquatable<SqlFragment>
{
    private SqlFragment(IReadOnlyList<object> parts) => Parts = parts;

    /// <summary>Each part is SQL text (a <see cref="string"/>, written by the compiler) or a <see cref="SqlParameter"/>.</summary>
    public IReadOnlyList<object> Parts { get; }

    public static readonly SqlFragment Empty = new([]);

    /// <summary>SQL text the compiler writes itself (keywords, quoted identifiers); never user text.</summary>
    public static SqlFragment Raw(string sql) => new([sql]);

    /// <summary>A quoted identifier.</summary>
    public static SqlFragment Ident(string name) => Raw(SqlText.Ident(name));

    /// <summary>A bound value.</summary>
    public static SqlFragment Value(object? value) => new([new SqlParameter(value, Shared: false)]);

    /// <summary>A bound value used in many places (the as-of time): one parameter however often it appears.</summary>
    public static SqlFragment SharedValue(object? value) => new([new SqlParameter(value, Shared: true)]);

    /// <summary>Writes SQL from an interpolated string whose holes are fragments (or numbers the compiler computed).</summary>
    public static SqlFragment Of(ref Handler sql) => sql.Build();

    public static SqlFragment Join(string separator, IEnumerable<SqlFragment> fragments)
    {
        var parts = new List<object>();
        var first = true;
        foreach (var fragment in fragments)
        {
            if (!first)
                parts.Add(separator);
            parts.AddRange(fragment.Parts);
            first = false;
        }
        return new SqlFragment(parts);
    }

    public bool IsEmpty => Parts.Count == 0;

    public bool Equals(SqlFragment? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override bool Equals(object? obj) => Equals(obj as SqlFragment);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var part in Parts)
            hash.Add(part);
        return hash.ToHashCode();
    }

    /// <summary>For debugging and test messages: the text with values shown as <c>?</c>.</summary>
    public override string ToString() => string.Concat(Parts.Select(p => p as string ?? "?"));

    [InterpolatedStringHandler]
    public readonly ref struct Handler
    {
        private readonly List<object> _parts;

        public Handler(int literalLength, int formattedCount) => _parts = new List<object>(formattedCount * 2 + 1);

        public void AppendLiteral(string sql) => _parts.Add(sql);

        public void AppendFormatted(SqlFragment fragment) => _parts.AddRange(fragment.Parts);

        public void AppendFormatted(long number) => _parts.Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        internal SqlFragment Build() => new(_parts);
    }
}

/// <summary>A value to bind. <paramref name="Shared"/>: equal shared values get one parameter.</summary>
public sealed record SqlParameter(object? Value, bool Shared);
