namespace Qilu.Trust.Certificates;

/// <summary>
/// A certificate type (证照类型) with its metadata schema: the 照面信息 fields beyond the GB/T 36903 core fields
/// (标识, 类型, 持证主体, 颁发机构, 颁发日期, 有效期, 区划, 状态) that every certificate carries.
/// </summary>
internal sealed class CertificateType
{
    /// <summary>证照类型代码: defining body's credit code + 3-digit number (21 characters).</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>证照定义机构.</summary>
    public string DefiningAuthority { get; set; } = "";

    /// <summary><c>person</c> (公民身份号码, code 111) or <c>organisation</c> (统一社会信用代码, code 001).</summary>
    public string HolderKind { get; set; } = "person";

    /// <summary>Department kind allowed to issue (<c>market</c>, <c>health</c> …).</summary>
    public string IssuerKind { get; set; } = "";

    /// <summary>Default validity in years, null for indefinite.</summary>
    public int? ValidityYears { get; set; }

    /// <summary>Schema fields as JSON: <c>[{"name":"registeredCapital","label":"注册资本","required":true,"maxLength":50}]</c>.</summary>
    public string SchemaJson { get; set; } = "[]";

    public uint Version { get; set; }
}

/// <summary>One field of a certificate type's schema.</summary>
internal sealed record SchemaField(string Name, string Label, bool Required, int MaxLength = 200, string? Pattern = null);
