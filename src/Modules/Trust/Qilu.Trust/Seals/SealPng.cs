using Qilu.Trust.Rendering;
using SkiaSharp;

namespace Qilu.Trust.Seals;

/// <summary>
/// The round red seal as a PNG with a transparent background, drawn with Skia in the same geometry as
/// <see cref="SealImage"/> (ring, star, the unit's name along the upper arc, the seal type below): for viewers that do
/// not render SVG, for stamping PDFs and for the GB/T 38540 picture types (png). The glyphs come from the configured
/// CJK font, so the server's rendering does not depend on the viewer's fonts.
/// </summary>
internal static class SealPng
{
    private static readonly SKColor Red = new(0xd0, 0x02, 0x1b);
    private static SKTypeface? _typeface;
    private static readonly Lock Gate = new();

    /// <summary>A square PNG of <paramref name="pixels"/> (default 480 = the SVG's 240 units at 2×).</summary>
    public static byte[] Render(string unitName, string typeName, int pixels = 480)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixels, 4096);
        using var surface = SKSurface.Create(new SKImageInfo(pixels, pixels, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(pixels / 240f);
        Draw(canvas, unitName, typeName);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, string unitName, string typeName)
    {
        const float c = 120, ring = 112;
        using var stroke = new SKPaint { Color = Red, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 7 };
        using var fill = new SKPaint { Color = Red, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawCircle(c, c, ring, stroke);
        using (var star = new SKPath())
        {
            for (var i = 0; i < 10; i++)
            {
                var (x, y) = Polar(c, c, i % 2 == 0 ? 34 : 13, 90 - i * 36);
                if (i == 0) star.MoveTo(x, y);
                else star.LineTo(x, y);
            }
            star.Close();
            canvas.DrawPath(star, fill);
        }
        var typeface = Typeface();
        // Same size rule as the SVG; the characters are spread over at most 250° of the upper arc, centred on the top,
        // each upright towards the outside with its baseline on the text circle (as textPath places them).
        var size = (float)Math.Clamp(330.0 / Math.Max(unitName.Length, 1), 14, 28);
        // Baseline placed so the glyphs' tops (≈0.88 em) stay 4 units inside the ring's inner edge (112 − 3.5).
        var textRadius = 104.5f - 0.88f * size;
        using (var font = new SKFont(typeface, size) { Embolden = true })
        {
            var chars = System.Globalization.StringInfo.GetTextElementEnumerator(unitName);
            var elements = new List<string>();
            while (chars.MoveNext()) elements.Add(chars.GetTextElement());
            var step = Math.Min(250.0 / Math.Max(elements.Count, 1), size * 1.08 / textRadius * 180 / Math.PI);
            var start = 90 + step * (elements.Count - 1) / 2;
            for (var i = 0; i < elements.Count; i++)
            {
                var angle = start - i * step;
                var (x, y) = Polar(c, c, textRadius, angle);
                canvas.Save();
                canvas.Translate(x, y);
                canvas.RotateDegrees((float)(90 - angle));
                canvas.DrawText(elements[i], 0, 0, SKTextAlign.Center, font, fill);
                canvas.Restore();
            }
        }
        using (var font = new SKFont(typeface, 18))
            canvas.DrawText(typeName, c, c + 62, SKTextAlign.Center, font, fill);
    }

    private static SKTypeface Typeface()
    {
        lock (Gate)
        {
            if (_typeface is not null) return _typeface;
            using var data = SKData.CreateCopy(CjkFont.Bytes());
            _typeface = SKTypeface.FromData(data)
                ?? throw new InvalidOperationException($"Skia cannot read the font {CjkFont.Path}.");
            return _typeface;
        }
    }

    private static (float X, float Y) Polar(double cx, double cy, double r, double degrees)
    {
        var a = degrees * Math.PI / 180;
        return ((float)(cx + r * Math.Cos(a)), (float)(cy - r * Math.Sin(a)));
    }
}
