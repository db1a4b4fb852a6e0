namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for analysis (portrait, overlap, trend, funnels, paths, conversion); keys start with <c>analysis.</c>.</summary>
    private static (string Key, string Zh, string En)[] Analysis =>
    [
    ];
}
