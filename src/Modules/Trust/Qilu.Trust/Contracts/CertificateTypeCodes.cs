namespace Qilu.Trust.Contracts;

/// <summary>
/// The 证照类型代码 (GB/T 36903: the defining body's 统一社会信用代码 + a 3-digit number) of the certificate types every
/// deployment starts with. The Trust module's type register is the single source of truth for these codes: the
/// matter catalog names them for materials a certificate satisfies, the Cases module for the licence a matter results
/// in. The defining bodies' credit codes are placeholders with valid check characters (see CertificateTypeSeed).
/// </summary>
public static class CertificateTypeCodes
{
    /// <summary>营业执照 (国家市场监督管理总局).</summary>
    public const string BusinessLicence = "11100000MB0000019L001";

    /// <summary>食品经营许可证 (国家市场监督管理总局).</summary>
    public const string FoodBusinessLicence = "11100000MB0000019L002";

    /// <summary>出生医学证明 (国家卫生健康委员会).</summary>
    public const string BirthCertificate = "11100000MB0000027F001";

    /// <summary>居民户口簿 (公安部).</summary>
    public const string HouseholdRegister = "11100000MB0000035A001";

    /// <summary>机动车驾驶证 (公安部).</summary>
    public const string DrivingLicence = "11100000MB0000035A002";

    /// <summary>居民身份证 (公安部).</summary>
    public const string ResidentIdCard = "11100000MB0000035A003";

    /// <summary>结婚证 (民政部).</summary>
    public const string MarriageCertificate = "11100000MB00000435001";

    /// <summary>不动产权证书 (自然资源部).</summary>
    public const string RealPropertyCertificate = "11100000MB00000510001";

    /// <summary>社会保障卡 (人力资源和社会保障部).</summary>
    public const string SocialSecurityCard = "11100000MB000006XP001";
}
