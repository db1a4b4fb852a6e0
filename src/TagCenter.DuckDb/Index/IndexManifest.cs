using System.Text.Json;
using System.Text.Json.Serialization;
using TagCenter.Core.Index;

namespace TagCenter.DuckDb.Index;

/// <summary>Where one bitmap lies in the index file: a Roaring portable bitmap of <c>Length</c> bytes at <c>Offset</c>.</summary>
public sealed record BitmapSlot(long Offset, int Length);

/// <summary>
/// One indexed tag in the file's directory. A value tag has <see cref="ValueList"/> with one bitmap each in
/// <see cref="Bitmaps"/> and their union in <see cref="HasValue"/>; a range tag has <see cref="Base"/>, one
/// bitmap per bit in <see cref="Bitmaps"/> (bit 0 first) and its not-null bitmap in <see cref="HasValue"/>.
/// </summary>
public sealed record IndexManifestTag(
    string Code, IndexedAs Kind, IndexEncoding Encoding, IReadOnlyList<string> ValueList, long Base,
    IReadOnlyList<BitmapSlot> Bitmaps, BitmapSlot HasValue);

/// <summary>
/// The directory of an index file (JSON, at its end): the tag run it was built for, the person count, the bitmap of
/// every person, and per tag where its bitmaps are. Enough for any Roaring library to find and read each bitmap.
/// Since version 2 also the activity columns (<see cref="ActivityColumns"/>, range-indexed like a tag) and the as-of
/// they are relative to; a version 1 file has none (behaviour is scanned until the next run rebuilds it). Since
/// version 3 also the person columns (the birthday, <see cref="PlanBuilder.BirthdayCode"/>); older files have none
/// and <c>age</c> is scanned. Since version 4 also the age column (<see cref="PlanBuilder.AgeCode"/>) among the person
/// columns, in whole years on the date of <see cref="AgeAnchor"/>; older files answer <c>age</c> from the birthday.
/// </summary>
public sealed record IndexManifest(int Version, string RunId, DateTime BuiltAt, long Persons, BitmapSlot All, IReadOnlyList<IndexManifestTag> Tags,
    DateTime? ActivityAnchor = null, IReadOnlyList<IndexManifestTag>? Activity = null, IReadOnlyList<IndexManifestTag>? Person = null,
    DateTime? AgeAnchor = null)
{
    public const int CurrentVersion = 4;

    /// <summary>The oldest version still read.</summary>
    public const int OldestVersion = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
