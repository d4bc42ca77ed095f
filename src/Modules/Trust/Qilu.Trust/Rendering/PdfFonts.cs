using PdfSharp.Fonts;

namespace Qilu.Trust.Rendering;

/// <summary>
/// PDFsharp's process-wide font resolver (on Linux it has none of its own): every family resolves to the one CJK face
/// of <see cref="CjkFont"/>, embedded as a subset (Identity-H), bold simulated. Installed once, on first rendering.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name the Trust renderings ask for.</summary>
    public const string Family = "QiluCjk";

    private const string FaceName = "qilu-cjk-regular";
    private static readonly Lock Gate = new();

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            // PDFsharp allows one resolver per process and refuses a change once fonts were used: if another module
            // installed its own first, it must also serve the family this module asks for.
            GlobalFontSettings.FontResolver ??= new PdfFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(FaceName, mustSimulateBold: isBold, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faceName == FaceName ? CjkFont.Bytes() : null;
}
