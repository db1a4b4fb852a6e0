using MudBlazor;

namespace TagCenter.Web.Components.Layout;

/// <summary>The console's colours and type: MudBlazor's defaults with fonts that carry Chinese well.</summary>
internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1F5FBF", AppbarBackground = "#1F3A5F" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["-apple-system", "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "sans-serif"] },
        },
    };
}
