using Qilu.Platform.Http;

namespace Qilu.Identity.Accounts;

/// <summary>Password rule (等保 level 3 asks for complexity): 10–128 characters with letters and digits.</summary>
internal static class PasswordPolicy
{
    public static void Check(Validation v, string field, string? password)
    {
        v.Required(field, password, "密码");
        if (string.IsNullOrEmpty(password)) return;
        v.Rule(password.Length is >= 10 and <= 128 && password.Any(char.IsLetter) && password.Any(char.IsDigit), field, "password.weak",
            "密码须为10–128位，且同时包含字母和数字", "Password must be 10–128 characters with letters and digits");
    }
}
