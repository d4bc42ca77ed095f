namespace Qilu.Trust.Federation;

/// <summary>Cross-region federation settings (<c>Qilu:Trust:Federation:*</c>): this platform's name and its peers.</summary>
internal sealed class FederationOptions
{
    /// <summary>How this platform names itself to peers (written into their use records).</summary>
    public string PlatformName { get; set; } = "齐鲁政务服务平台";

    /// <summary>Peer platforms this one may ask for certificates.</summary>
    public List<FederationPeer> Peers { get; set; } = [];
}

/// <summary>A peer platform: where it is, the client credentials it issued to this platform, and its pinned root.</summary>
internal sealed class FederationPeer
{
    /// <summary>Short key, e.g. <c>jiangsu</c>.</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The peer's base URL; its token endpoint, API and CA chain are under it.</summary>
    public string BaseUrl { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// SM3 (hex) of the peer's root certificate (DER), exchanged out of band. When set, a chain whose root differs is
    /// refused; when empty the chain fetched from the peer is trusted as published (trust on first use: a gap to close in
    /// production).
    /// </summary>
    public string? RootSm3 { get; set; }
}
