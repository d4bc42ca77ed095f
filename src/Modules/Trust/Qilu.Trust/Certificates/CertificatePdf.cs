using System.Globalization;
using System.Text.Json;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using SkiaSharp;
using Qilu.Trust.Rendering;

namespace Qilu.Trust.Certificates;

/// <summary>
/// The printable form of a certificate version (A4 PDF): title, 电子证照标识, the GB/T 36903 core fields and the type's
/// 照面信息 with their schema labels, the issuing unit's seal picture over the issuer line, and the signed QR payload
/// for 扫码核验. Text is embedded as a subset of the CJK font (Identity-H), so <c>pdftotext</c> gives it back.
/// A status other than valid is printed across the page, so a printout of a revoked certificate says so.
/// </summary>
internal static class CertificatePdf
{
    private static readonly XColor Frame = XColor.FromArgb(0x8b, 0x1a, 0x1a);

    /// <summary>What goes on the page.</summary>
    public sealed record Content(IssuedCertificate Certificate, CertificateType Type, string Status, string QrPayload, byte[] SealPng,
        string VerifyUrl);

    public static byte[] Render(Content content)
    {
        PdfFonts.EnsureInstalled();
        var c = content.Certificate;
        using var document = new PdfDocument();
        document.Info.Title = $"{content.Type.Name} {c.LicenceId}";
        document.Info.Creator = "Qilu 可信服务";
        var page = document.AddPage();
        page.Size = PageSize.A4;
        var width = page.Width.Point;
        var height = page.Height.Point;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(new XPen(Frame, 3), 28, 28, width - 56, height - 56);
            gfx.DrawRectangle(new XPen(Frame, 0.8), 36, 36, width - 72, height - 72);
            var small = new XFont(PdfFonts.Family, 8);
            var label = new XFont(PdfFonts.Family, 12);
            var value = new XFont(PdfFonts.Family, 12);
            var title = new XFont(PdfFonts.Family, 28, XFontStyleEx.Bold);
            gfx.DrawString("电子证照标识：" + c.LicenceId, small, XBrushes.DimGray, new XRect(50, 46, width - 100, 12), XStringFormats.TopLeft);
            gfx.DrawString(content.Type.Name, title, new XSolidBrush(Frame), new XRect(0, 80, width, 40), XStringFormats.Center);
            gfx.DrawString("（电子证照 · 第 " + c.VersionNumber.ToString(CultureInfo.InvariantCulture) + " 版）", label, XBrushes.DimGray,
                new XRect(0, 122, width, 18), XStringFormats.Center);

            var rows = Rows(content);
            double y = 165, labelX = 80, valueX = 200, valueWidth = width - valueX - 80;
            foreach (var (name, text) in rows)
            {
                gfx.DrawString(name, label, XBrushes.Black, new XRect(labelX, y, valueX - labelX - 10, 16), XStringFormats.TopLeft);
                foreach (var line in Wrap(gfx, text, value, valueWidth))
                {
                    gfx.DrawString(line, value, XBrushes.Black, new XRect(valueX, y, valueWidth, 16), XStringFormats.TopLeft);
                    y += 18;
                }
                y += 8;
                if (y > height - 260) break;
            }

            // Issuer block with the seal over it, bottom right, as a paper certificate is stamped over the date.
            var issuerY = height - 210;
            gfx.DrawString("颁发机构：" + c.IssuerName, label, XBrushes.Black, new XRect(width - 330, issuerY, 260, 16), XStringFormats.TopRight);
            gfx.DrawString(c.IssuedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), label, XBrushes.Black,
                new XRect(width - 330, issuerY + 22, 260, 16), XStringFormats.TopRight);
            const double sealSize = 42 / 25.4 * 72; // 42 mm, the usual diameter of an official round seal
            using (var seal = XImage.FromStream(new MemoryStream(content.SealPng)))
                gfx.DrawImage(seal, width - 70 - 130 - sealSize / 2, issuerY + 12 - sealSize / 2, sealSize, sealSize);

            // QR bottom left with the payload signed by the seal (QL1…), then the verification hint.
            const double qrSize = 120;
            using (var qr = XImage.FromStream(new MemoryStream(QrPng(content.QrPayload))))
                gfx.DrawImage(qr, 70, height - 70 - qrSize - 24, qrSize, qrSize);
            gfx.DrawString("扫码核验", label, XBrushes.Black, new XRect(70, height - 92, qrSize, 16), XStringFormats.TopCenter);
            gfx.DrawString("本证照由颁发机构以电子印章签发。核验：" + content.VerifyUrl, small, XBrushes.DimGray,
                new XRect(50, height - 58, width - 100, 12), XStringFormats.TopLeft);

            if (content.Status != "valid")
            {
                var stamp = new XFont(PdfFonts.Family, 72, XFontStyleEx.Bold);
                var state = gfx.Save();
                gfx.RotateAtTransform(-30, new XPoint(width / 2, height / 2));
                gfx.DrawString(StatusZh(content.Status), stamp, new XSolidBrush(XColor.FromArgb(110, 0xd0, 0x02, 0x1b)),
                    new XRect(0, height / 2 - 50, width, 100), XStringFormats.Center);
                gfx.Restore(state);
            }
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// The QR code as an RGBA PNG (error correction Q: it survives a stamp or a crease over part of it). Drawn with Skia
    /// from the module matrix because PDFsharp's PNG importer rejects QRCoder's low-bit-depth PNGs.
    /// </summary>
    public static byte[] QrPng(string payload, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.Q);
        var modules = data.ModuleMatrix;
        var size = modules.Count * pixelsPerModule;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var black = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(SKColors.White);
            for (var row = 0; row < modules.Count; row++)
                for (var col = 0; col < modules.Count; col++)
                    if (modules[row][col])
                        canvas.DrawRect(col * pixelsPerModule, row * pixelsPerModule, pixelsPerModule, pixelsPerModule, black);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static List<(string Label, string Text)> Rows(Content content)
    {
        var c = content.Certificate;
        var rows = new List<(string, string)>
        {
            ("持证主体", c.HolderName),
            (c.HolderIdType == "001" ? "统一社会信用代码" : "公民身份号码", c.HolderIdMasked),
        };
        var schema = JsonSerializer.Deserialize<List<SchemaField>>(content.Type.SchemaJson, TrustJson.Options) ?? [];
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(c.FieldsJson) ?? [];
        foreach (var f in schema)
            if (fields.TryGetValue(f.Name, out var v) && !string.IsNullOrEmpty(v)) rows.Add((f.Label, v));
        rows.Add(("颁发日期", c.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        rows.Add(("有效期至", c.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "长期"));
        rows.Add(("证照定义机构", content.Type.DefiningAuthority));
        return rows;
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var line = new System.Text.StringBuilder();
        var chars = StringInfo.GetTextElementEnumerator(text);
        while (chars.MoveNext())
        {
            var next = chars.GetTextElement();
            if (line.Length > 0 && gfx.MeasureString(line + next, font).Width > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(next);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static string StatusZh(string status) => status switch
    {
        "revoked" => "已撤销",
        "suspended" => "已中止",
        "superseded" => "已变更",
        "expired" => "已过期",
        _ => status,
    };
}
