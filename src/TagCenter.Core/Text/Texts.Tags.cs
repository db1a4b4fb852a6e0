namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Tags texts; keys start with <c>tags.</c>.</summary>
    private static (string Key, string Zh, string En)[] Tags =>
    [
    ];
}
