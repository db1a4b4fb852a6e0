namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for segments, crowd boards and their commands; keys start with <c>segment.</c>.</summary>
    private static (string Key, string Zh, string En)[] Segments =>
    [
    ];
}
