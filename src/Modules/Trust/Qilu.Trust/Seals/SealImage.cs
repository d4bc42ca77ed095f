using System.Globalization;
using System.Security;
using System.Text;

namespace Qilu.Trust.Seals;

/// <summary>
/// Draws the round red seal (圆形红色印章) as SVG: a red ring, a five-pointed star in the centre, the unit's name along the
/// upper arc and the seal type below the star. Text is XML-escaped; the font is left to the viewer's CJK serif/song face.
/// </summary>
internal static class SealImage
{
    private const string Red = "#d0021b";

    public static string Svg(string unitName, string typeName)
    {
        const double size = 240, c = size / 2, ring = 112, textRadius = 88;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size}\" height=\"{size}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{c}\" cy=\"{c}\" r=\"{ring}\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"7\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{StarPoints(c, c, 34, 13)}\" fill=\"{Red}\"/>");
        // The name runs clockwise along an arc from lower-left over the top to lower-right (about 250°), as on a real seal.
        var start = Polar(c, c, textRadius, 215);
        var end = Polar(c, c, textRadius, -35);
        sb.Append(CultureInfo.InvariantCulture,
            $"<defs><path id=\"arc\" d=\"M {F(start.X)} {F(start.Y)} A {textRadius} {textRadius} 0 1 1 {F(end.X)} {F(end.Y)}\"/></defs>");
        var fontSize = Math.Clamp(330.0 / Math.Max(unitName.Length, 1), 14, 28);
        sb.Append(CultureInfo.InvariantCulture,
            $"<text fill=\"{Red}\" font-family=\"'SimSun','Songti SC','Noto Serif CJK SC',serif\" font-size=\"{F(fontSize)}\" font-weight=\"bold\">");
        sb.Append("<textPath href=\"#arc\" startOffset=\"50%\" text-anchor=\"middle\">").Append(SecurityElement.Escape(unitName)).Append("</textPath></text>");
        sb.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{c}\" y=\"{c + 62}\" fill=\"{Red}\" font-family=\"'SimSun','Songti SC','Noto Serif CJK SC',serif\" font-size=\"18\" text-anchor=\"middle\">");
        sb.Append(SecurityElement.Escape(typeName)).Append("</text></svg>");
        return sb.ToString();
    }

    private static string StarPoints(double cx, double cy, double outer, double inner)
    {
        var points = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? outer : inner;
            var p = Polar(cx, cy, r, 90 - i * 36);
            points.Add($"{F(p.X)},{F(p.Y)}");
        }
        return string.Join(' ', points);
    }

    private static (double X, double Y) Polar(double cx, double cy, double r, double degrees)
    {
        var a = degrees * Math.PI / 180;
        return (cx + r * Math.Cos(a), cy - r * Math.Sin(a));
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
