using System.Globalization;
using TagCenter.Client;

namespace TagCenter.Web.Charts;

/// <summary>
/// An edge drawn from the middle of its source box's right side (<see cref="X1"/>, <see cref="Y1"/>) to the middle of
/// its target box's left side (<see cref="X2"/>, <see cref="Y2"/>), as a cubic Bézier leaving and arriving horizontally.
/// </summary>
public sealed record LineageLink(LineageEdge Edge, double X1, double Y1, double X2, double Y2)
{
    /// <summary>The SVG path data: <c>M x1,y1 C c1 c2 x2,y2</c>, the control points half the horizontal span inwards.</summary>
    public string Path
    {
        get
        {
            var bend = Math.Max(Math.Abs(X2 - X1) / 2, 16);
            return $"M{F(X1)},{F(Y1)} C{F(X1 + bend)},{F(Y1)} {F(X2 - bend)},{F(Y2)} {F(X2)},{F(Y2)}";
        }
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
