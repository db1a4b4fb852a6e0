using System.Globalization;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Index;

/// <summary>
/// One column to index: a value column gets a bitmap per value (<paramref name="DeclaredValues"/> first, in their
/// order, then any other value found); a range column a bit-sliced index in <paramref name="Encoding"/>.
/// </summary>
public sealed record IndexColumn(string Code, IndexedAs Kind, IndexEncoding Encoding, IReadOnlyList<string> DeclaredValues)
{
    /// <summary>How a tag of this kind and type is indexed, or null when it is not (lists, free text).</summary>
    public static IndexColumn? For(TagDefinition tag, TagValueType columnType)
    {
        if (tag.Kind == TagKind.Enum || columnType == TagValueType.Bool)
            return new IndexColumn(tag.Code, IndexedAs.Values, IndexEncoding.None, tag.Values);
        return columnType switch
        {
            TagValueType.Int => new IndexColumn(tag.Code, IndexedAs.Range, IndexEncoding.Integer, []),
            TagValueType.Decimal => new IndexColumn(tag.Code, IndexedAs.Range, IndexEncoding.Cents, []),
            TagValueType.Date => new IndexColumn(tag.Code, IndexedAs.Range, IndexEncoding.Days, []),
            TagValueType.Timestamp => new IndexColumn(tag.Code, IndexedAs.Range, IndexEncoding.Seconds, []),
            TagValueType.String => new IndexColumn(tag.Code, IndexedAs.Values, IndexEncoding.None, tag.Values),
            _ => null,
        };
    }
}

/// <summary>What an index build did: tags indexed (and skipped, with why), persons, file size and time.</summary>
public sealed record IndexBuildReport(int Tags, long Persons, long Bytes, TimeSpan Elapsed, string Path, IReadOnlyList<string> Skipped)
{
    /// <summary>One line for the console: indexed N tags for M persons (size, time), in the current language.</summary>
    public string Summary() => Texts.T("index.built", Tags, Persons.ToString("N0", CultureInfo.InvariantCulture), Size(Bytes),
        Elapsed.TotalSeconds < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalMilliseconds:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{Elapsed.TotalSeconds:0.0} s"));

    private static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024 / 1024:0.00} GB"),
    };
}
