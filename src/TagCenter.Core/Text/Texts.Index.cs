namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for the tag index (ordinals, build, files, plans); keys start with <c>index.</c>.</summary>
    private static (string Key, string Zh, string En)[] Index =>
    [
    ];
}
