namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Workspace texts; keys start with <c>workspace.</c>.</summary>
    private static (string Key, string Zh, string En)[] Workspace =>
    [
    ];
}
