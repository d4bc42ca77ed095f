using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Signing;

/// <summary>
/// Places a seal picture on one page of a PDF (盖章 position). Position and size are in millimetres from the page's
/// top-left corner, as a clerk measures on paper. The document is rewritten by PDFsharp; the GB/T 38540 signature is
/// then made over exactly these output bytes, so the stamp is inside what is protected.
/// </summary>
internal static class PdfStamp
{
    private const double PointsPerMm = 72 / 25.4;

    /// <summary>Where to put the stamp: 1-based page, centre of the seal (mm from top-left), diameter (mm).</summary>
    public sealed record Placement(int Page, double CentreXMm, double CentreYMm, double SizeMm = 42);

    public static Result<byte[]> Apply(byte[] pdf, byte[] sealPng, Placement at)
    {
        if (at.SizeMm is < 10 or > 100)
            return Fail("sign.stamp_size", "印章直径应在 10–100 毫米之间", "The stamp diameter is 10–100 mm", "size");
        PdfDocument document;
        try
        {
            document = PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotSupportedException or FormatException
            or IOException or ArgumentException or NullReferenceException or IndexOutOfRangeException or InvalidCastException)
        {
            // PDFsharp's parser reports damaged or encrypted files through several exception types; all mean "cannot stamp".
            return Fail("sign.pdf_invalid", "文件不是可盖章的 PDF（已损坏、加密或格式不支持）",
                "The file is not a PDF that can be stamped (damaged, encrypted or unsupported): " + ex.Message, "file");
        }
        using (document)
        {
            if (at.Page < 1 || at.Page > document.PageCount)
                return Fail("sign.stamp_page", $"页码应在 1–{document.PageCount} 之间", $"The page is 1–{document.PageCount}", "page");
            var page = document.Pages[at.Page - 1];
            var size = at.SizeMm * PointsPerMm;
            var x = at.CentreXMm * PointsPerMm - size / 2;
            var y = at.CentreYMm * PointsPerMm - size / 2;
            if (x < 0 || y < 0 || x + size > page.Width.Point || y + size > page.Height.Point)
                return Fail("sign.stamp_position", "印章超出页面范围", "The stamp does not fit on the page at that position", "x");
            using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            using (var image = XImage.FromStream(new MemoryStream(sealPng)))
                gfx.DrawImage(image, x, y, size, size);
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
    }

    private static Result<byte[]> Fail(string code, string zh, string en, string field) =>
        Result<byte[]>.Failure(new Error(code, zh, en, field));
}
