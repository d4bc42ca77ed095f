namespace Qilu.Platform.Hosting;

/// <summary>Top-level platform settings (<c>Qilu:*</c>).</summary>
public sealed class QiluOptions
{
    /// <summary>Where all local state lives: SQLite file, keys, indexes. Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Public base URL of this deployment (issuer of tokens, links in e-mails). Default: derived from the first
    /// listening address.
    /// </summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Demo mode (<c>Qilu:Demo:*</c>): seeds a demo province and demo accounts with known passwords.</summary>
public sealed class DemoOptions
{
    /// <summary>
    /// Seed the demo province on first run. On by default so the README's first command shows a working system;
    /// a production deployment sets it to false, and then no demo account or password exists.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
