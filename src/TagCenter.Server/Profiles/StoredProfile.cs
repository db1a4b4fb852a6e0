using System.Globalization;
using System.Text.Json;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Profiles;

namespace TagCenter.Server.Profiles;

/// <summary>A person read from a <see cref="ProfileStore"/> document: the same parts the engine path reads.</summary>
internal sealed record StoredProfile(PersonProfile Profile, IReadOnlyList<(string Code, string? Value)> Tags,
    IReadOnlyList<ProfileSegment> Segments, IReadOnlyList<ProfileEvent> Events)
{
    public static StoredProfile Parse(string oneId, string document, ProfileShape shape)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        var identifiers = root.GetProperty("i").EnumerateArray().Select(i => (
            i.GetProperty("t").GetString()!, i.GetProperty("v").GetString()!,
            (IReadOnlyList<string>)(i.GetProperty("r").ValueKind == JsonValueKind.Array ? [.. i.GetProperty("r").EnumerateArray().Select(r => r.GetString()!)] : []),
            i.GetProperty("n").GetInt64())).ToList();
        var golden = new List<(string, string?, string?, long?)>();
        if (root.GetProperty("g") is { ValueKind: JsonValueKind.Object } g)
        {
            var (values, sources, lines) = (g.GetProperty("v"), g.GetProperty("s"), g.GetProperty("l"));
            for (var i = 0; i < shape.Golden.Count; i++)
                golden.Add((shape.Golden[i], values[i].GetString(), sources[i].GetString(), lines[i].ValueKind == JsonValueKind.Null ? null : lines[i].GetInt64()));
        }
        var history = root.GetProperty("h").EnumerateArray().Select(h => (Time(h.GetProperty("a"))!.Value,
            h.GetProperty("k").GetString()!, h.GetProperty("o").GetString()!, h.GetProperty("c").GetString()!)).ToList();
        var counts = root.GetProperty("f");
        var facts = shape.Facts.Select((f, i) => (f, counts[i].GetInt64())).ToList();
        var tags = root.GetProperty("t") is { ValueKind: JsonValueKind.Array } t
            ? shape.Tags.Select((code, i) => (code, t[i].GetString())).ToList()
            : shape.Tags.Select(code => (code, (string?)null)).ToList();
        return new StoredProfile(new PersonProfile(oneId, identifiers, golden, history, facts), tags,
            [.. root.GetProperty("s").EnumerateArray().Select(s => new ProfileSegment(s.GetProperty("n").GetString()!, Time(s.GetProperty("a"))))],
            [.. root.GetProperty("e").EnumerateArray().Select(e => new ProfileEvent(e.GetProperty("n").GetString(), Time(e.GetProperty("a"))))]);
    }

    private static DateTime? Time(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null
        : DateTime.ParseExact(value.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
