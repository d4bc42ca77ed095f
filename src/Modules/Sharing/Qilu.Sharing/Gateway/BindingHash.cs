using System.Text;
using Microsoft.AspNetCore.Http;
using Qilu.Platform.Cryptography;
using Qilu.Sharing.Contracts;

namespace Qilu.Sharing.Gateway;

/// <summary>The canonical request and the request/response binding hash of <see cref="GatewayProtocol"/>.</summary>
internal static class BindingHash
{
    public static string CanonicalRequest(string method, string path, IQueryCollection query, string clientId, ReadOnlySpan<byte> body)
    {
        var pairs = query.SelectMany(q => q.Value.Select(v => (Name: q.Key, Value: v ?? "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value));
        return string.Join('\n', GatewayProtocol.CanonicalRequestVersion, method.ToUpperInvariant(), path, string.Join('&', pairs), clientId,
            Sm3.HashHex(body));
    }

    /// <summary>hex SM3(SM3(canonical request) ‖ SM3(response body)).</summary>
    public static string Bind(byte[] requestHash, ReadOnlySpan<byte> responseBody)
    {
        Span<byte> both = stackalloc byte[Sm3.HashSizeInBytes * 2];
        requestHash.CopyTo(both);
        Sm3.Hash(responseBody, both[Sm3.HashSizeInBytes..]);
        return Sm3.HashHex(both);
    }

    public static byte[] RequestHash(string canonical) => Sm3.Hash(Encoding.UTF8.GetBytes(canonical));
}
