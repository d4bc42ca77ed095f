namespace Qilu.Sharing.Contracts;

/// <summary>
/// The sharing gateway's wire protocol (see docs/sharing-gateway.md). Consumer systems call
/// <c>/api/sharing/gateway/{grantId}/…</c> with a client-credentials access token carrying <see cref="Scope"/>; the
/// token's client is bound to one consumer unit and reaches only that unit's grants.
/// </summary>
public static class GatewayProtocol
{
    /// <summary>OAuth scope a consumer system's client must hold to call the gateway.</summary>
    public const string Scope = "sharing.gateway";

    /// <summary>Response header: SM3 (hex) of the canonical request (<see cref="CanonicalRequestVersion"/>).</summary>
    public const string RequestHashHeader = "X-Qilu-Request-Hash";

    /// <summary>
    /// Response header binding the answer to the question: hex SM3( SM3(canonical request) ‖ SM3(response body) ),
    /// both inner digests as 32 raw bytes. Present on every gateway answer, refusals included, so a consumer can
    /// prove which response it received for which request (after X-Road's X-Road-Request-Hash, with SM3).
    /// </summary>
    public const string BindingHashHeader = "X-Qilu-Binding-Hash";

    /// <summary>Response header of a file download: lower-case hex SM3 of the file as it was mounted (the same header as the catalog's own download).</summary>
    public const string ContentSm3Header = "X-Content-SM3";

    /// <summary>Response header: id of the metering record (and audit entry) of the call.</summary>
    public const string CallIdHeader = "X-Qilu-Call-Id";

    /// <summary>
    /// First line of the canonical request. The canonical request is, joined by <c>\n</c>: this version tag, the
    /// HTTP method in upper case, the path as sent (percent-encoded), the query parameters sorted by name then value
    /// (ordinal) and joined as <c>name=value</c> with <c>&amp;</c> (unescaped form re-escaped with RFC 3986 rules),
    /// the client id of the token, and the lower-case hex SM3 of the request body (of the empty string for GET).
    /// </summary>
    public const string CanonicalRequestVersion = "QILU-GW-1";

    /// <summary>Header of signed webhook notifications: the signing key id (verification answers carry theirs in the body, <c>keyId</c>).</summary>
    public const string KeyIdHeader = "X-Qilu-Key-Id";

    /// <summary>Header of signed webhook notifications: base64 DER SM2 signature (SM3, user id 1234567812345678) of the body.</summary>
    public const string SignatureHeader = "X-Qilu-Signature";
}
