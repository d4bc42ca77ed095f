using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Applications;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Reading;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Workflow.Contracts;

namespace Qilu.Cases.Offers;

/// <summary>
/// POST /api/cases/offers/{id}/confirm: the person confirms the offer instead of applying. The bundle case is created
/// as an ordinary application (same validation, routing and fan-out) with the offer's values prefilled (source
/// <c>offer</c>) and the holder's identifier from their own account; the answers sent complete or override them.
/// Idempotent: the offer id is the application's idempotency key, so a repeated confirmation returns the same case.
/// </summary>
internal static class ConfirmOffer
{
    public sealed record Request(JsonObject? Form, IReadOnlyList<MaterialCheck.Item>? Materials, bool Consent);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/offers/{id:guid}/confirm", EndpointAsync)
        .RequirePermission(CasesPermissions.Apply)
        .WithName("ConfirmOffer").WithSummary("确认办理主动服务推荐 / Confirm an offer").Produces<GetCase.Detail>(StatusCodes.Status201Created)
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CasesDbContext db, IAuditWriter audit, TimeProvider clock)
    {
        var actor = actors.FromContext(ctx);
        var result = await HandleAsync(actor, id, request, ApplyForCase.Dependencies.From(ctx.RequestServices), audit, ctx.RequestAborted);
        if (!result.IsSuccess) return Problems.From(result);
        var detail = await GetCase.HandleAsync(actor, result.Value, db, ctx.RequestServices.GetRequiredService<IWorkflowEngine>(), clock, ctx.RequestAborted);
        return Results.Created($"/api/cases/{result.Value}", detail.Value);
    }

    /// <summary>The use case; returns the bundle case's id.</summary>
    internal static async Task<Result<Guid>> HandleAsync(Actor actor, Guid id, Request request, ApplyForCase.Dependencies d, IAuditWriter audit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Guid>();
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is { } denied) return Outcomes.Denied<Guid>(denied);
        var now = d.Clock.GetUtcNow();
        await OfferExpiry.ExpireDueAsync(d.Db, audit, now, actor.SubjectId, ct);
        var offer = await d.Db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.RecipientId == actor.SubjectId, ct);
        if (offer is null) return Outcomes.NotFound<Guid>("服务推荐", "Offer");
        if (offer is { Status: OfferStatus.Confirmed, CaseId: { } existing }) return existing;
        if (offer.Status != OfferStatus.Open)
            return Outcomes.Conflict<Guid>("offer.not_open", $"该推荐{OfferView.Zh(offer.Status)}，不能再确认办理", $"The offer is {OfferView.Code(offer.Status)} and cannot be confirmed", "status");

        var payload = OfferPayload.Read(offer.PrefillJson);
        var offered = (JsonObject)payload.Values.DeepClone();
        if (payload.FromAccount.Count > 0 && await d.People.FindIdNumberAsync(actor.SubjectId, ct) is { } own)
            foreach (var key in payload.FromAccount) offered[key] = own;
        var applied = await ApplyForCase.HandleAsync(actor, new ApplyForCase.Request(null, offer.BundleCode, request.Form, request.Materials, request.Consent),
            $"offer:{offer.Id}", d, offered, ct);
        if (!applied.IsSuccess) return Result<Guid>.Failure(applied.Errors, applied.Kind);
        var (c, _) = applied.Value;

        d.Db.ChangeTracker.Clear();
        var tracked = await d.Db.Offers.SingleAsync(o => o.Id == offer.Id, ct);
        if (tracked.Status == OfferStatus.Open)
        {
            tracked.Status = OfferStatus.Confirmed;
            tracked.CaseId = c.Id;
            tracked.AnsweredAt = now;
            try
            {
                await d.Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent confirmation recorded the same case (same idempotency key); nothing else to do.
                return c.Id;
            }
            await d.Lifecycle.RecordAsync(c, "offer_confirmed", "确认主动服务", actor,
                $"由“{payload.Origin.CertificateName}”颁发（{payload.Origin.IssuerName}，证照标识 {payload.Origin.LicenceId}）触发的主动服务推荐，申请人确认办理", ct);
            await OfferAudit.WriteAsync(audit, "confirmed", tracked, actor, new { c.Number }, ct);
        }
        return c.Id;
    }
}
