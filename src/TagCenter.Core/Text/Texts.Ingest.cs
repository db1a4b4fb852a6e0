namespace TagCenter.Core.Text;

public static partial class Texts
{
    /// <summary>Ingest texts; keys start with <c>ingest.</c>.</summary>
    private static (string Key, string Zh, string En)[] Ingest =>
    [
    ];
}
