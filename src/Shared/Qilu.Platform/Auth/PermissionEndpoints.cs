using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Qilu.SharedKernel.Results;
using Qilu.Platform.Http;

namespace Qilu.Platform.Auth;

/// <summary>
/// Deny by default: an endpoint that requires a permission answers 401 to the anonymous and 403 (problem details)
/// to an actor without it. Permissions are named after use cases (<c>identity.users.create</c>).
/// </summary>
public static class PermissionEndpoints
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var actor = ctx.HttpContext.RequestServices.GetRequiredService<ActorAccessor>().FromContext(ctx.HttpContext);
            if (!actor.IsAuthenticated)
                return Problems.From(ErrorKind.Unauthorized, [new Error("unauthenticated", "请先登录", "Sign in first")]);
            if (!actor.Has(permission))
                return Problems.From(ErrorKind.Forbidden,
                    [new Error("permission_required", $"缺少权限：{permission}", $"Missing permission: {permission}")]);
            return await next(ctx);
        });
        builder.WithMetadata(new PermissionRequirement(permission));
        return builder;
    }
}

/// <summary>Endpoint metadata naming the permission an endpoint needs (read by the scope-matrix tests and OpenAPI).</summary>
public sealed record PermissionRequirement(string Name);

/// <summary>Authentication names shared by the host and modules.</summary>
public static class QiluAuthorization
{
    /// <summary>Policy scheme that forwards to bearer validation when an Authorization header is present, else the cookie.</summary>
    public const string Scheme = "qilu";
}
