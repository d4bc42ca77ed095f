namespace Qilu.Trust.Rendering;

/// <summary>
/// Finds the Chinese font the server-side renderings (seal PNG, certificate PDF, stamped PDF) use. PDFsharp 6.2 cannot
/// read TrueType collections (.ttc, e.g. Noto CJK: NullReferenceException in its font face loader), so only single
/// .ttf files are candidates: the configured path first, then the Debian packages known to work (Song first, as on
/// printed certificates).
/// </summary>
internal static class CjkFont
{
    /// <summary>Debian paths of fonts-arphic-gbsn00lp, fonts-droid-fallback and fonts-lxgw-wenkai.</summary>
    public static readonly IReadOnlyList<string> KnownPaths =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/lxgw/LXGWWenKai-Regular.ttf",
    ];

    private static readonly Lock Gate = new();
    private static string? _configured;
    private static byte[]? _bytes;
    private static string? _path;

    /// <summary>Sets the font file from configuration (<c>Qilu:Trust:FontPath</c>); takes effect before first use.</summary>
    public static void Configure(string? path)
    {
        lock (Gate) _configured = string.IsNullOrWhiteSpace(path) ? null : path;
    }

    /// <summary>The font file in use, or null when none is installed.</summary>
    public static string? Path
    {
        get
        {
            lock (Gate)
            {
                _path ??= (_configured is not null ? [_configured] : KnownPaths).FirstOrDefault(File.Exists);
                return _path;
            }
        }
    }

    /// <summary>The font file's bytes; throws with the fix when no CJK .ttf is installed.</summary>
    public static byte[] Bytes()
    {
        lock (Gate)
        {
            if (_bytes is not null) return _bytes;
        }
        var path = Path ?? throw new InvalidOperationException(
            "No Chinese TrueType font found for PDF/PNG rendering. Install fonts-arphic-gbsn00lp (or fonts-droid-fallback, " +
            "fonts-lxgw-wenkai) or set Qilu:Trust:FontPath to a single .ttf file (.ttc collections are not supported by PDFsharp).");
        var bytes = File.ReadAllBytes(path);
        lock (Gate) _bytes ??= bytes;
        return bytes;
    }
}
