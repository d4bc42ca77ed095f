namespace Qilu.Platform.Http;

/// <summary>Names of the host's rate-limiting policies that modules attach to endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and credential endpoints: per client IP, small budget.</summary>
    public const string SignIn = "signin";

    /// <summary>Public (anonymous) endpoints: per client IP token bucket.</summary>
    public const string Public = "public";
}
