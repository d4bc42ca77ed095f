using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;

namespace Qilu.Identity.Verification;

/// <summary>
/// Checks that a person is who they claim (实名核验): name + ID number (+ phone) against an authoritative register.
/// Production plugs in the national/provincial verification service; the demo provider checks a demo register.
/// </summary>
internal interface IIdentityVerificationProvider
{
    Task<VerificationOutcome> VerifyAsync(string name, IdNumber idNumber, PhoneNumber? phone, CancellationToken ct);

    /// <summary>
    /// Checks an enterprise against the market-supervision register (登记信息核验): the credit code exists, the name
    /// matches, and the person is its legal representative.
    /// </summary>
    Task<VerificationOutcome> VerifyEnterpriseAsync(CreditCode creditCode, string enterpriseName, string representativeName,
        IdNumber representativeId, CancellationToken ct);
}

/// <summary>The verdict and the 实名 level it supports; the reason is shown to the applicant when not verified.</summary>
internal sealed record VerificationOutcome(bool Verified, RealNameLevel Level, string? ReasonZh = null, string? ReasonEn = null);

/// <summary>
/// Demo register: accepts a person whose ID number is structurally valid and who is listed in the demo register
/// (<c>Qilu:Demo:Register</c>, "name:idnumber" pairs) or, when the register is empty, any valid number whose name has
/// 2–4 Chinese characters. Phone possession is assumed (L2) when a phone is given. Never enabled outside demo mode.
/// </summary>
internal sealed class DemoVerificationProvider(IReadOnlyDictionary<string, string> register) : IIdentityVerificationProvider
{
    public Task<VerificationOutcome> VerifyAsync(string name, IdNumber idNumber, PhoneNumber? phone, CancellationToken ct)
    {
        var listed = register.Count == 0
            ? name.Length is >= 2 and <= 4 && name.All(c => c >= '\u4e00' && c <= '\u9fff')
            : register.TryGetValue(idNumber.ToString(), out var n) && n == name;
        return Task.FromResult(listed
            ? new VerificationOutcome(true, phone is null ? RealNameLevel.Basic : RealNameLevel.Verified)
            : new VerificationOutcome(false, RealNameLevel.None, "姓名与身份证号不一致", "Name and ID number do not match"));
    }

    /// <summary>
    /// Demo register of enterprises: any structurally valid code of a registered business (authority 9, 市场监管) whose
    /// name has at least four characters is taken as registered with the applicant as its legal representative.
    /// </summary>
    public Task<VerificationOutcome> VerifyEnterpriseAsync(CreditCode creditCode, string enterpriseName, string representativeName,
        IdNumber representativeId, CancellationToken ct) =>
        Task.FromResult(creditCode.AuthorityCode == '9' && enterpriseName.Trim().Length >= 4
            ? new VerificationOutcome(true, RealNameLevel.Basic)
            : new VerificationOutcome(false, RealNameLevel.None, "未在市场主体登记信息中找到该企业，或您不是其法定代表人",
                "The enterprise is not in the register, or you are not its legal representative"));
}

/// <summary>
/// Outside demo mode until a real provider is configured: registration is refused with a clear reason rather than
/// letting unverified people in.
/// </summary>
internal sealed class UnconfiguredVerificationProvider : IIdentityVerificationProvider
{
    public Task<VerificationOutcome> VerifyAsync(string name, IdNumber idNumber, PhoneNumber? phone, CancellationToken ct) =>
        Task.FromResult(new VerificationOutcome(false, RealNameLevel.None, "实名核验服务未配置，暂不能在线注册，请到窗口办理",
            "No identity-verification provider is configured; register at a service desk"));

    public Task<VerificationOutcome> VerifyEnterpriseAsync(CreditCode creditCode, string enterpriseName, string representativeName,
        IdNumber representativeId, CancellationToken ct) =>
        Task.FromResult(new VerificationOutcome(false, RealNameLevel.None, "企业登记核验服务未配置，暂不能在线登记企业，请到窗口办理",
            "No enterprise-register verification is configured; register at a service desk"));
}
