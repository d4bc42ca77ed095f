using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Trust.Authority;

namespace Qilu.Trust.Codes;

/// <summary>
/// GET /api/trust/codes/signer.pem, public: the code signer's certificate (issued by the CA intermediate), which offline
/// verifiers of personal and enterprise codes check against /api/trust/ca/chain.pem and then use for the SM2 signature.
/// </summary>
internal static class GetCodeSigner
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/codes/signer.pem", async (CodeSigner signer, HttpContext ctx) =>
            Results.Text(GetCaChain.Pem(await signer.CertificateAsync(ctx.RequestAborted)), "application/x-pem-file", Encoding.ASCII))
        .AllowAnonymous().WithName("GetCodeSigner").WithSummary("码服务签名证书 / Code signer certificate, PEM");
}
