using System.Text;

namespace TagCenter.DuckDb.Tests;

internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk { get; } = Encoding.GetEncoding("GB18030");
}
