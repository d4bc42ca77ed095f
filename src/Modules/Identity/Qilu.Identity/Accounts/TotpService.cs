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

    /// <summary>
    /// Checks a code against a secret that is not enabled yet (enrolment confirmation); on success returns the
    /// accepted time step so the same code cannot then be used to sign in.
    /// </summary>
    public static bool VerifyPending(string base32Secret, string? code, DateTimeOffset now, out long step)
    {
        step = 0;
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(base32Secret)) return false;
        byte[] secret;
        try
        {
            secret = Base32Encoding.ToBytes(base32Secret.Trim());
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (secret.Length < 16) return false;
        return new Totp(secret).VerifyTotp(now.UtcDateTime, code.Trim(), out step, new VerificationWindow(previous: 1, future: 1));
    }

    /// <summary>The current code for a secret (used by tests and by the enrolment page's confirmation step).</summary>
    public static string CodeAt(string base32Secret, DateTimeOffset at) =>
        new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(at.UtcDateTime);
}
