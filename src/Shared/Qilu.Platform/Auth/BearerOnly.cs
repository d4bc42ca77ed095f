using Microsoft.AspNetCore.Builder;

namespace Qilu.Platform.Auth;

/// <summary>
/// Marks endpoints called only by other systems with a bearer token (the sharing gateway): authentication there is
/// the default scheme's check of that token and nothing else (<see cref="QiluAuthenticationMiddleware"/>).
/// </summary>
public sealed class BearerOnlyMetadata
{
    /// <summary>The one instance endpoints carry.</summary>
    public static readonly BearerOnlyMetadata Instance = new();

    private BearerOnlyMetadata()
    {
    }
}

/// <summary>Endpoint conventions for <see cref="BearerOnlyMetadata"/>.</summary>
public static class BearerOnlyEndpoints
{
    /// <summary>Marks the endpoints as called only with bearer tokens (see <see cref="BearerOnlyMetadata"/>).</summary>
    public static TBuilder BearerOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(BearerOnlyMetadata.Instance);
}
