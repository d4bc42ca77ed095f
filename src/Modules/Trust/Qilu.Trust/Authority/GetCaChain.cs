using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Org.BouncyCastle.X509;

namespace Qilu.Trust.Authority;

/// <summary>
/// GET /api/trust/ca/chain.pem, /api/trust/ca/root.cer, /api/trust/ca/intermediate.cer: the published certificate
/// chain, public, for verifiers in other systems and provinces (offline verification starts here).
/// </summary>
internal static class GetCaChain
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ca = api.MapGroup("/ca").AllowAnonymous();
        ca.MapGet("/chain.pem", (CertificateAuthority authority) =>
                Results.Text(Pem(authority.IntermediateCertificate) + Pem(authority.RootCertificate), "application/x-pem-file", Encoding.ASCII))
            .WithName("GetCaChain").WithSummary("证书链（PEM：中级在前，根在后）/ CA chain, PEM");
        ca.MapGet("/root.cer", (CertificateAuthority authority) => Der(authority.RootCertificate))
            .WithName("GetRootCertificate").WithSummary("根证书（DER）/ Root certificate, DER");
        ca.MapGet("/intermediate.cer", (CertificateAuthority authority) => Der(authority.IntermediateCertificate))
            .WithName("GetIntermediateCertificate").WithSummary("中级证书（DER）/ Intermediate certificate, DER");
    }

    private static IResult Der(X509Certificate certificate) => Results.Bytes(certificate.GetEncoded(), "application/pkix-cert");

    /// <summary>RFC 7468 PEM of a certificate.</summary>
    public static string Pem(X509Certificate certificate) =>
        new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", certificate.GetEncoded())) + "\n";
}
