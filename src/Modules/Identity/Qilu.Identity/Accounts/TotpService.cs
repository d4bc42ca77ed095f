using OtpNet;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Identity.Accounts;

/// <summary>
/// TOTP (RFC 6238, 30 s, 6 digits, SHA-1 as every authenticator app implements) for officials. The secret is stored
/// SM4-encrypted; a code is accepted once (the last used time step is remembered) within ±1 step of clock drift.
/// </summary>
internal sealed class TotpService(IFieldProtector protector)
{
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public void Enable(Account account, string base32Secret)
    {
        account.TotpSecretProtected = protector.Protect(base32Secret);
        account.TotpEnabled = true;
        account.LastTotpStep = 0;
    }

    public static string ProvisioningUri(string issuer, string accountName, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";

    public bool Verify(Account account, string? code, DateTimeOffset now)
    {
        if (!account.TotpEnabled || account.TotpSecretProtected is null || string.IsNullOrWhiteSpace(code)) return false;
        var secret = Base32Encoding.ToBytes(protector.Unprotect(account.TotpSecretProtected));
        var totp = new Totp(secret);
        if (!totp.VerifyTotp(now.UtcDateTime, code.Trim(), out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        if (step <= account.LastTotpStep) return false;
        account.LastTotpStep = step;
        return true;
    }

    /// <summary>The current code for a secret (used by tests and by the enrolment page's confirmation step).</summary>
    public static string CodeAt(string base32Secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(at.UtcDateTime);
}
