namespace Qilu.Trust.Contracts;

/// <summary>Permissions of the Trust module (电子印章、电子证照), named after its use cases.</summary>
public static class TrustPermissions
{
    /// <summary>See the seals of one's unit (and of the division subtree for higher units).</summary>
    public const string SealsRead = "trust.seals.read";

    /// <summary>Apply for a new seal for one's own unit (申请刻制).</summary>
    public const string SealsApply = "trust.seals.apply";

    /// <summary>Approve or reject seal applications within one's division (审批).</summary>
    public const string SealsApprove = "trust.seals.approve";

    /// <summary>Make, put in use, suspend, resume and revoke seals (制作、启用、挂起、恢复、注销).</summary>
    public const string SealsManage = "trust.seals.manage";

    /// <summary>Sign documents with a seal of one's own unit (盖章).</summary>
    public const string SealsSign = "trust.seals.sign";

    /// <summary>Issue electronic certificates as one's unit (颁发电子证照).</summary>
    public const string CertificatesIssue = "trust.certificates.issue";

    /// <summary>Read certificates issued within one's scope.</summary>
    public const string CertificatesRead = "trust.certificates.read";

    /// <summary>Suspend, revoke and restore certificates issued by one's unit.</summary>
    public const string CertificatesManage = "trust.certificates.manage";

    /// <summary>Define certificate types and their metadata schemas.</summary>
    public const string TypesManage = "trust.types.manage";

    /// <summary>Scan a citizen's personal code and request certificates for a service (扫码用证).</summary>
    public const string CodesScan = "trust.codes.scan";

    /// <summary>Ask another province's platform for a certificate (跨省调证).</summary>
    public const string FederationRequest = "trust.federation.request";

    /// <summary>See the platform CA's certificates and details in the admin console.</summary>
    public const string CaRead = "trust.ca.read";
}
