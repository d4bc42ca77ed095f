using System.IO.Compression;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Library;

/// <summary>
/// Decides what an uploaded file really is from its bytes, never from its name or declared type: PDF (<c>%PDF-</c>
/// and an <c>%%EOF</c> trailer), PNG (signature and a closing IEND chunk), JPEG (SOI … EOI), OFD (a ZIP container,
/// GB/T 33190, holding <c>OFD.xml</c>). Anything else, anything truncated and anything over 20 MB is refused.
/// </summary>
internal static class FileInspector
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PngEnd = [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static Result<string> Inspect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return Bad("file.empty", "文件为空", "The file is empty");
        if (bytes.Length > MaxBytes) return Bad("file.too_large", "文件不能超过 20 MB", "The file must be at most 20 MB");
        if (bytes.StartsWith("%PDF-"u8))
            return bytes[Math.Max(0, bytes.Length - 1024)..].IndexOf("%%EOF"u8) >= 0 ? "application/pdf"
                : Bad("file.truncated", "PDF 文件不完整（缺少 %%EOF 结尾）", "The PDF is truncated (no %%EOF trailer)");
        if (bytes.StartsWith(Png))
            return bytes.EndsWith(PngEnd) ? "image/png" : Bad("file.truncated", "PNG 图片不完整", "The PNG is truncated (no IEND chunk)");
        if (bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
            return bytes[^2] == 0xFF && bytes[^1] == 0xD9 ? "image/jpeg" : Bad("file.truncated", "JPEG 图片不完整", "The JPEG is truncated (no EOI marker)");
        if (bytes.StartsWith("PK\x03\x04"u8)) return Ofd(bytes.ToArray());
        return Bad("file.type", "只接受 PDF、OFD、PNG、JPEG 文件", "Only PDF, OFD, PNG and JPEG files are accepted");
    }

    private static Result<string> Ofd(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("OFD.xml") is not null ? "application/ofd"
                : Bad("file.type", "ZIP 文件不是 OFD 版式文件（缺少 OFD.xml）", "The ZIP container is not an OFD document (no OFD.xml)");
        }
        catch (InvalidDataException)
        {
            return Bad("file.corrupt", "OFD 文件已损坏", "The OFD container is corrupt");
        }
    }

    private static Result<string> Bad(string code, string zh, string en) => Result<string>.Failure(new Error(code, zh, en, "file"));
}
