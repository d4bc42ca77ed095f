using QRCoder;

namespace Qilu.Trust.Codes;

/// <summary>QR images of code payloads (PNG, error correction M: codes are shown on screens, not printed on worn paper).</summary>
internal static class QrImage
{
    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string PngBase64(string text) => Convert.ToBase64String(Png(text));
}
