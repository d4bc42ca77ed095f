using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Grants;

namespace Qilu.Sharing.Needs;

/// <summary>POST /api/sharing/needs {title, reason, fields[], providerKind?}: a unit posts a data need (数据需求) on the board.</summary>
internal static class PostNeed
{
    public sealed record Request(string? Title, string? Reason, string[]? Fields, string? ProviderKind);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/needs", EndpointAsync).RequirePermission(SharingPermissions.NeedsPost)
        .WithName("PostDataNeed").WithSummary("发布数据需求 / Post a data need").Produces<NeedView>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, SharingServices s) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, s, ctx.RequestAborted), n => $"/api/sharing/needs/{n.Id}");

    internal static async Task<Result<NeedView>> HandleAsync(Actor actor, Request request, SharingServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, SharingPermissions.NeedsPost) is { } denied) return Outcomes.Denied<NeedView>(denied);
        var unit = await GrantAccess.UnitOfAsync(actor, s.Directory, ct);
        if (unit is null) return Outcomes.Forbidden<NeedView>("unit.required", "须以所在单位身份发布需求", "Post on behalf of your unit");
        var fields = (request.Fields ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var v = new Validation()
            .Required("title", request.Title, "需求名称").MaxLength("title", request.Title, 200, "需求名称")
            .Required("reason", request.Reason, "需求事由").MaxLength("reason", request.Reason, 2000, "需求事由")
            .Rule(fields.Count > 0, "fields", "required", "至少列出一个所需信息项", "List at least one field")
            .Rule(fields.All(f => f.Length <= 100) && string.Join('\n', fields).Length <= 2000, "fields", "fields.length", "信息项过长", "Fields are too long")
            .Rule(request.ProviderKind is null || request.ProviderKind.Length <= 40, "providerKind", "length", "提供部门类别过长", "providerKind is too long");
        if (!v.IsValid) return v.Invalid<NeedView>();
        var need = new DataNeed
        {
            UnitId = unit.Id, UnitName = unit.Name, Division = unit.DivisionCode, Title = request.Title!.Trim(), Reason = request.Reason!.Trim(),
            Fields = string.Join('\n', fields), ProviderKind = request.ProviderKind, CreatedAt = s.Clock.GetUtcNow(),
        };
        s.Db.Needs.Add(need);
        await s.Db.SaveChangesAsync(ct);
        await s.Audit.WriteAsync("sharing.needs.posted", "need", need.Id.ToString(), actor, new { need.Title }, ct: ct);
        return NeedView.Of(need);
    }
}
