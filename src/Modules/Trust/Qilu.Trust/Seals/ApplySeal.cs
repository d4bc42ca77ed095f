using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Seals;

/// <summary>POST /api/trust/seals: an official applies for a new seal of their own unit (申请刻制).</summary>
internal static class ApplySeal
{
    public sealed record Request(string? Type);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/seals", EndpointAsync)
        .RequirePermission(TrustPermissions.SealsApply)
        .WithName("ApplySeal").WithSummary("申请电子印章 / Apply for a seal").Produces<SealView>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, TrustDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, TrustAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, directory, clock, audit, ctx.RequestAborted), s => $"/api/trust/seals/{s.Id}");

    internal static async Task<Result<SealView>> HandleAsync(Actor actor, Request request, TrustDbContext db, IOrganisationDirectory directory,
        TimeProvider clock, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.SealsApply) is { } denied) return Outcomes.Denied<SealView>(denied);
        if (!SealTypes.TryParse(request.Type, out var type))
            return Outcomes.Invalid<SealView>("seal.type", $"印章类型“{request.Type}”无效，可选：{string.Join("、", Enum.GetValues<SealType>().Select(SealTypes.Zh))}",
                $"Unknown seal type '{request.Type}'; use one of {string.Join(", ", Enum.GetValues<SealType>())}", "type");
        if (actor.DepartmentId is not { } unitId || await directory.FindUnitAsync(unitId, ct) is not { } unit)
            return Outcomes.Forbidden<SealView>("seal.no_unit", "只有代表单位的工作人员可以申请印章", "Only an official acting for a unit may apply for a seal");
        var seal = new Seal
        {
            UnitId = unit.Id, UnitName = unit.Name, UnitCreditCode = unit.CreditCode, DivisionCode = unit.DivisionCode, Type = type,
            Name = type == SealType.Official ? unit.Name : $"{unit.Name}{SealTypes.Zh(type)}",
            Status = SealStatus.Applied, AppliedBy = actor.SubjectId, AppliedAt = clock.GetUtcNow(),
        };
        db.Seals.Add(seal);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("trust.seals.applied", "seal", seal.Id.ToString(), "success", actor, new { type = type.ToString(), unit = unit.Name }, ct);
        return SealView.From(seal);
    }
}
