using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;

namespace Qilu.Web.Navigation;

/// <summary>
/// Turns the circuit's <see cref="ClaimsPrincipal"/> into an <see cref="Actor"/>. Interactive components have no
/// HttpContext, so the principal comes from the cascading AuthenticationState and goes through
/// <see cref="ActorAccessor.FromPrincipal"/>, the same expansion of roles into permissions as the HTTP API uses.
/// </summary>
public static class ShellPrincipal
{
    /// <summary>The actor for <paramref name="user"/>; anonymous when the Identity module has not registered <see cref="ActorAccessor"/>.</summary>
    public static Actor ActorOf(IServiceProvider services, ClaimsPrincipal? user)
    {
        ArgumentNullException.ThrowIfNull(services);
        var accessor = services.GetService<ActorAccessor>();
        return accessor is null ? Actor.Anonymous : accessor.FromPrincipal(user);
    }

    /// <summary>Name of the official's unit (<see cref="QiluClaims.UnitName"/>), if the sign-in put one in the principal.</summary>
    public static string? UnitNameOf(ClaimsPrincipal? user) => user?.FindFirst(QiluClaims.UnitName)?.Value;
}
