using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Qilu.SharedKernel.Actors;

namespace Qilu.Platform.Auth;

/// <summary>Builds the <see cref="Actor"/> for the current request from its authenticated principal.</summary>
public sealed class ActorAccessor(IHttpContextAccessor http, IRolePermissions rolePermissions)
{
    private const string CacheKey = "qilu.actor";

    public Actor Current => http.HttpContext is { } ctx ? FromContext(ctx) : Actor.Anonymous;

    public Actor FromContext(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(CacheKey, out var cached) && cached is Actor a) return a;
        var actor = FromPrincipal(context.User);
        context.Items[CacheKey] = actor;
        return actor;
    }

    public Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        var kind = user.FindFirst(QiluClaims.ActorKind)?.Value switch
        {
            "official" => ActorKind.Official,
            "citizen" => ActorKind.Citizen,
            "enterprise_agent" => ActorKind.EnterpriseAgent,
            "system_client" => ActorKind.SystemClient,
            _ => ActorKind.Anonymous,
        };
        if (kind == ActorKind.Anonymous) return Actor.Anonymous;
        var roles = user.FindAll(QiluClaims.Role).Select(c => c.Value)
            .Concat(user.FindAll(ClaimTypes.Role).Select(c => c.Value))
            .ToHashSet(StringComparer.Ordinal);
        var acr = user.FindFirst(QiluClaims.Acr)?.Value;
        var level = acr is not null && acr.Length > 0 && char.IsDigit(acr[^1]) ? (RealNameLevel)(acr[^1] - '0') : RealNameLevel.None;
        var sub = user.FindFirst(QiluClaims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        return new Actor(kind, sub,
            user.FindFirst(QiluClaims.Name)?.Value ?? user.Identity?.Name ?? sub,
            user.FindFirst(QiluClaims.Division)?.Value,
            Guid.TryParse(user.FindFirst(QiluClaims.Unit)?.Value, out var unit) ? unit : null,
            roles, rolePermissions.PermissionsOf(roles), level,
            user.FindFirst(QiluClaims.Enterprise)?.Value);
    }
}
