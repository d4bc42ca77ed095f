using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Http;
using Qilu.Trust.Authority;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// GET /api/trust/status/{id}/{purpose} (public): a status list in the W3C Bitstring Status List shape
/// (BitstringStatusListCredential, <c>encodedList</c> = multibase "u" + base64url(GZIP(bitstring)), 131,072 bits,
/// index 0 = left-most bit), with a platform SM2 proof and HTTP caching (ETag, max-age) so verifiers can cache it.
/// </summary>
internal static class GetStatusList
{
    /// <summary>How long verifiers may cache a list (also the BSL <c>ttl</c>, in milliseconds).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/status/{id:int}/{purpose}", EndpointAsync)
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("GetStatusList").WithSummary("证照状态列表（Bitstring Status List）/ Status list");

    private static async Task<IResult> EndpointAsync(int id, string purpose, HttpContext ctx, TrustDbContext db, CertificateAuthority ca,
        IOptions<TrustOptions> options, TimeProvider clock)
    {
        if (purpose is not ("revocation" or "suspension"))
            return Problems.Validation(new SharedKernel.Results.Error("status.purpose", "状态用途应为 revocation 或 suspension", "Purpose is revocation or suspension", "purpose"));
        if (!await db.StatusLists.AnyAsync(l => l.Id == id, ctx.RequestAborted)) return Problems.NotFound("状态列表", "Status list");
        var bits = await BitsAsync(db, id, purpose, ctx.RequestAborted);
        var encoded = Encode(bits);
        var etag = $"\"{Sm3.HashHex(encoded)[..32]}\"";
        ctx.Response.Headers.CacheControl = $"public, max-age={(int)Ttl.TotalSeconds}";
        ctx.Response.Headers.ETag = etag;
        if (ctx.Request.Headers.IfNoneMatch == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        var url = options.Value.StatusListUrl(id) + "/" + purpose;
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = url,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = options.Value.PublicBaseUrl,
            ["validFrom"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = url + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = purpose,
                ["encodedList"] = encoded,
                ["ttl"] = (long)Ttl.TotalMilliseconds,
            },
        };
        var (signature, _) = ca.SignAsMaker(CanonicalJson.Utf8(credential));
        credential["proof"] = new JsonObject
        {
            ["type"] = "QiluSm2Signature",
            ["cryptosuite"] = "sm2-sm3-jcs",
            ["verificationMethod"] = options.Value.PublicBaseUrl.TrimEnd('/') + "/api/trust/ca/intermediate.cer",
            ["proofValue"] = CertificateDocument.Base64Url(signature),
        };
        return Results.Text(credential.ToJsonString(TrustJson.Options), "application/vc+json");
    }

    /// <summary>The bitstring: revocation has revoked and superseded versions set, suspension the suspended ones.</summary>
    internal static async Task<byte[]> BitsAsync(TrustDbContext db, int listId, string purpose, CancellationToken ct)
    {
        var query = db.Certificates.AsNoTracking().Where(c => c.StatusListId == listId);
        query = purpose == "revocation"
            ? query.Where(c => c.Status == CertificateStatus.Revoked || c.Status == CertificateStatus.Superseded)
            : query.Where(c => c.Status == CertificateStatus.Suspended);
        var bits = new byte[StatusList.Size / 8];
        foreach (var index in await query.Select(c => c.StatusIndex).ToListAsync(ct)) StatusList.Set(bits, index);
        return bits;
    }

    public static string Encode(byte[] bits)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bits);
        return "u" + CertificateDocument.Base64Url(buffer.ToArray());
    }

    public static byte[] Decode(string encodedList)
    {
        if (!encodedList.StartsWith('u')) throw new FormatException("encodedList must be multibase base64url ('u' prefix).");
        using var gzip = new GZipStream(new MemoryStream(CertificateDocument.FromBase64Url(encodedList[1..])), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
