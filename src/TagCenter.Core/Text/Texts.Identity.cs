namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Identity texts; keys start with <c>identity.</c>.</summary>
    private static (string Key, string Zh, string En)[] Identity =>
    [
    ];
}
