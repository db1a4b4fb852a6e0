namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Expressions texts; keys start with <c>expressions.</c>.</summary>
    private static (string Key, string Zh, string En)[] Expressions =>
    [
    ];
}
