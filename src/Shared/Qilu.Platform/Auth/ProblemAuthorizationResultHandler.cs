using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Platform.Auth;

/// <summary>
/// For API paths, an authorization failure answers RFC 9457 problem details (401 or 403 naming the missing
/// permission) whatever the authentication scheme; pages keep the default behaviour (redirect to sign-in).
/// </summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!context.Request.Path.StartsWithSegments("/api") || authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        IResult problem;
        if (authorizeResult.Challenged || context.User.Identity?.IsAuthenticated != true)
        {
            problem = Problems.From(ErrorKind.Unauthorized, [new Error("unauthenticated", "请先登录或提供有效的访问令牌", "Sign in or present a valid access token")]);
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }
        else
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>()
                .Select(r => string.Join(" | ", r.Names)).ToArray() ?? [];
            problem = Problems.From(ErrorKind.Forbidden,
                [new Error("permission_required", $"缺少权限：{string.Join("、", missing)}", $"Missing permission: {string.Join(", ", missing)}")]);
        }
        await problem.ExecuteAsync(context);
    }
}
