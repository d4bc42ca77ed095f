using System.Buffers.Binary;
using StbImageSharp;
using ZXing;
using ZXing.Common;

namespace Qilu.Trust.Verification;

/// <summary>
/// Finds and decodes a QR code in an uploaded image (PNG, JPEG, GIF, BMP), server side: StbImageSharp (managed, no native
/// library) decodes the pixels, ZXing.Net locates and reads the QR. The header is read before any pixel is decoded, so
/// an image that claims huge dimensions (a decompression bomb) is refused without allocating for it.
/// </summary>
internal static class QrImageDecoder
{
    /// <summary>Largest upload accepted.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Largest side in pixels.</summary>
    public const int MaxSide = 4096;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public enum Failure
    {
        None,
        NotAnImage,
        TooManyPixels,
        NoQrCode,
    }

    public static (string? Text, Failure Failure) Decode(byte[] bytes)
    {
        // PNG states its size in the IHDR at a fixed offset: read it directly so that a header-only bomb is named as such.
        if (bytes.Length >= 24 && bytes.AsSpan(0, 8).SequenceEqual(PngSignature)
            && (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)) > MaxSide || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)) > MaxSide))
            return (null, Failure.TooManyPixels);
        ImageInfo? info;
        using (var header = new MemoryStream(bytes, writable: false))
            info = ImageInfo.FromStream(header);
        if (info is not { } i) return (null, Failure.NotAnImage);
        if (i.Width <= 0 || i.Height <= 0) return (null, Failure.NotAnImage);
        if (i.Width > MaxSide || i.Height > MaxSide) return (null, Failure.TooManyPixels);
        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException
            || ex.GetType() == typeof(Exception))
        {
            // stb_image reports corrupt data as a plain Exception with the decoder's reason.
            return (null, Failure.NotAnImage);
        }
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric
        {
            AutoRotate = true,
            Options = new DecodingOptions { TryHarder = true, PossibleFormats = [BarcodeFormat.QR_CODE], CharacterSet = "UTF-8" },
        };
        var result = reader.Decode(source);
        return result?.Text is { Length: > 0 } text ? (text, Failure.None) : (null, Failure.NoQrCode);
    }
}
