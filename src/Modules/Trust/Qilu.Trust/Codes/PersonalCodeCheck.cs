using Qilu.Platform.Cryptography;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Codes;

/// <summary>The offline part of checking a personal code: format, signer certified by this CA, SM2 signature.</summary>
internal static class PersonalCodeCheck
{
    public static async Task<Result<(string Nonce, DateTimeOffset ExpiresAt)>> VerifyAsync(string text, CodeServices s, CancellationToken ct)
    {
        try
        {
            var (claims, body, signature) = CodePayload.Parse(text, CodePayload.PersonalPrefix);
            if (CodePayload.Text(claims, "typ") != "personal") throw new FormatException("Not a personal code.");
            var key = await s.Signer.FindKeyAsync(CodePayload.Text(claims, "k"), ct);
            if (key is null || !Sm2.Verify(key, body, signature, Sm2SignatureEncoding.Raw))
                return Result<(string, DateTimeOffset)>.Failure(new Error("code.tampered", "个人码签名验证失败：内容被篡改或不是本平台签发",
                    "The personal code's signature does not verify: altered or not issued here", "code"));
            return (CodePayload.Text(claims, "n"), DateTimeOffset.FromUnixTimeSeconds(CodePayload.Number(claims, "exp")));
        }
        catch (FormatException ex)
        {
            return Result<(string, DateTimeOffset)>.Failure(new Error("code.malformed", "不是本平台的个人码", "Not a Qilu personal code: " + ex.Message, "code"));
        }
    }
}
