namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Texts for tag and membership history; keys start with <c>history.</c>.</summary>
    private static (string Key, string Zh, string En)[] History =>
    [
    ];
}
