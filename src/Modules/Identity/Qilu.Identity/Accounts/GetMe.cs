using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Accounts;

/// <summary>GET /api/identity/me: who the caller is, as the platform sees them (kind, unit, roles, permissions, 实名 level).</summary>
internal static class GetMe
{
    public sealed record Response(string Kind, string SubjectId, string DisplayName, string? DivisionCode, Guid? DepartmentId,
        string[] Roles, string[] Permissions, int RealNameLevel, string? Enterprise);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/me", (HttpContext ctx, ActorAccessor actors) =>
    {
        var a = actors.FromContext(ctx);
        if (!a.IsAuthenticated) return Problems.From(ErrorKind.Unauthorized, [new Error("unauthenticated", "请先登录", "Sign in first")]);
        return Results.Ok(new Response(a.Kind.ToString(), a.SubjectId, a.DisplayName, a.DivisionCode, a.DepartmentId,
            [.. a.Roles.Order()], [.. a.Permissions.Order()], (int)a.RealNameLevel, a.EnterpriseCreditCode));
    }).WithName("GetMe").WithSummary("当前用户 / Current actor").Produces<Response>();
}
