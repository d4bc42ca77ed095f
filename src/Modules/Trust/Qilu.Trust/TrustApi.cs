using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Trust.Authority;
using Qilu.Trust.Certificates;
using Qilu.Trust.Credentials;
using Qilu.Trust.Codes;
using Qilu.Trust.Federation;
using Qilu.Trust.Seals;
using Qilu.Trust.Verification;
using Qilu.Trust.Wallet;
using Qilu.Trust.Signing;

namespace Qilu.Trust;

/// <summary>The module's HTTP API under <c>/api/trust</c>; each use case maps its own route.</summary>
internal static class TrustApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/trust").WithTags("Trust 电子印章与电子证照");
        GetCaChain.Map(api);
        ApplySeal.Map(api);
        ListSeals.Map(api);
        TransitionSeal.Map(api);
        GetSealAssets.Map(api);
        SignDocument.Map(api);
        VerifyDocument.Map(api);
        ListCertificateTypes.Map(api);
        IssueCertificate.Map(api);
        IssueCertificates.Map(api);
        GetCertificate.Map(api);
        ChangeCertificateStatus.Map(api);
        GetStatusList.Map(api);
        VerifyQr.Map(api);
        ListMyCertificates.Map(api);
        ShareCertificate.Map(api);
        ListShares.Map(api);
        OpenShare.Map(api);
        SignPdf.Map(api);
        GetCertificatePdf.Map(api);
        GetCredential.Map(api);
        VerifyCredential.Map(api);
        GetIssuerKeys.Map(api);
        ReissueCertificate.Map(api);
        ListCertificateVersions.Map(api);
        IssuePersonalCode.Map(api);
        ScanPersonalCode.Map(api);
        ListMyCodeRequests.Map(api);
        DecideCodeRequest.Map(api);
        GetCodeRequest.Map(api);
        ListCertificateUses.Map(api);
        GetEnterpriseCode.Map(api);
        GetEnterpriseProfile.Map(api);
        GetCodeSigner.Map(api);
        VerifyQrImage.Map(api);
        ServeFederatedCertificate.Map(api);
        RequestPeerCertificate.Map(api);
        ListFederationRequests.Map(api);
        SearchCertificates.Map(api);
        CreateCertificateType.Map(api);
    }
}
