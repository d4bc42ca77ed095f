using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace Qilu.Platform.Auth;

/// <summary>
/// Deny by default: an endpoint that requires a permission is guarded by the authorization middleware, before any
/// input is bound or validated. The anonymous get 401 and actors without the permission 403, both as problem
/// details (<see cref="ProblemAuthorizationResultHandler"/>). Permissions are named after use cases
/// (<c>identity.users.create</c>).
/// </summary>
public static class PermissionEndpoints
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAnyPermission(permission);

    /// <summary>
    /// Guards an endpoint that serves holders of any one of several permissions (an approval inbox serves both the
    /// bureau's reviewers and the providers' approvers); the use case still decides what each may do.
    /// </summary>
    public static TBuilder RequireAnyPermission<TBuilder>(this TBuilder builder, string permission, params string[] alternatives)
        where TBuilder : IEndpointConventionBuilder
    {
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(permission) { Alternatives = alternatives }).Build();
        builder.RequireAuthorization(policy);
        return builder;
    }
}

/// <summary>
/// The permission an endpoint needs (also read by the scope-matrix tests), or any of <see cref="Alternatives"/> in its
/// place.
/// </summary>
public sealed record PermissionRequirement(string Name) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Alternatives { get; init; } = [];

    /// <summary>Every permission that satisfies the requirement, <see cref="Name"/> first.</summary>
    public IEnumerable<string> Names => Alternatives.Prepend(Name);
}

/// <summary>Grants <see cref="PermissionRequirement"/> when the request's actor holds the permission through a role.</summary>
public sealed class PermissionAuthorizationHandler(ActorAccessor actors) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = context.Resource is Microsoft.AspNetCore.Http.HttpContext http ? actors.FromContext(http) : actors.FromPrincipal(context.User);
        if (requirement.Names.Any(actor.Has)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Authentication names shared by the host and modules.</summary>
public static class QiluAuthorization
{
    /// <summary>Policy scheme that forwards to bearer validation when an Authorization header is present, else the cookie.</summary>
    public const string Scheme = "qilu";
}
