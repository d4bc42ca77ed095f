using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Qilu.Identity.Contracts;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Platform.Http;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Credentials;

/// <summary>
/// GET /api/trust/credentials/issuers/{creditCode} (public): a controlled-identifier document (W3C CID 1.0 shape) of an
/// issuing unit listing its P-256 VC keys as Multikey verification methods (active and retired, so old credentials
/// keep verifying). It lets a verifier outside the platform bind a credential's did:key to the unit named by its
/// 统一社会信用代码 over this platform's https origin. Lists existing keys only; a GET never creates one.
/// </summary>
internal static class GetIssuerKeys
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/credentials/issuers/{creditCode}", EndpointAsync)
        .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public)
        .WithName("GetCredentialIssuerKeys").WithSummary("颁证单位的 VC 公钥（Multikey）/ Issuer's VC keys");

    private static async Task<IResult> EndpointAsync(string creditCode, HttpContext ctx, IOrganisationDirectory directory, IKeyStore keys,
        IOptions<TrustOptions> options)
    {
        var unit = await directory.FindUnitByCreditCodeAsync(creditCode.ToUpperInvariant(), ctx.RequestAborted);
        if (unit is null) return Problems.NotFound("颁证单位", "Issuing unit");
        var listed = (await keys.ListAsync(CertificateCredential.KeyPurpose(unit.Id), ctx.RequestAborted))
            .Where(k => k.Algorithm == KeyAlgorithm.EcdsaP256).ToList();
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var key in listed)
        {
            var compressed = DidKeyP256.Compress(key.PublicKey);
            var id = DidKeyP256.VerificationMethod(compressed);
            methods.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = "Multikey",
                ["controller"] = DidKeyP256.Did(compressed),
                ["publicKeyMultibase"] = DidKeyP256.Multikey(compressed),
                ["created"] = key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                // Retired = rotated out for new proofs, still valid for old ones; not CID "revoked", which would void them.
                ["status"] = key.Status == KeyStatus.Active ? "active" : "retired",
            });
            assertion.Add(id);
        }
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/cid/v1"),
            ["id"] = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/trust/credentials/issuers/{unit.CreditCode}",
            ["name"] = unit.Name,
            ["creditCode"] = unit.CreditCode,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
        ctx.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(document.ToJsonString(TrustJson.Options), "application/json");
    }
}
