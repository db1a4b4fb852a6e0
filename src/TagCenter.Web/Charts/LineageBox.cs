using TagCenter.Client;

namespace TagCenter.Web.Charts;

/// <summary>
/// Where a lineage node is drawn: its column and row, its box (top-left corner and size, in SVG user units) and the
/// label shown in it (the name, shortened with an ellipsis when very long).
/// </summary>
public sealed record LineageBox(LineageNode Node, int Column, int Row, string Label, double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double MidX => X + Width / 2;

    public double MidY => Y + Height / 2;
}
