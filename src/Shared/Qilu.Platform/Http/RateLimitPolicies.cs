namespace Qilu.Platform.Http;

/// <summary>
/// Names of the rate-limiting policies the host registers; modules attach them with
/// <c>.RequireRateLimiting(RateLimitPolicies.SignIn)</c>. Limits come from <c>Qilu:RateLimiting:*</c>.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in, password and code endpoints: a small fixed window per client IP, against guessing.</summary>
    public const string SignIn = "signin";

    /// <summary>Anonymous public APIs: a token bucket per client IP that allows bursts but caps sustained load.</summary>
    public const string Public = "public";
}
