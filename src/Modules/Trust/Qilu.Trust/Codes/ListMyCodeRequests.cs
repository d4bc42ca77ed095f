using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Trust.Codes;

/// <summary>
/// GET /api/trust/codes/requests: the signed-in holder's recent requests made with their personal codes, pending ones
/// first — what the portal polls to show "窗口请求使用您的证照" with 同意/拒绝.
/// </summary>
internal static class ListMyCodeRequests
{
    public sealed record TypeItem(string Code, string Name);

    public sealed record Item(Guid Id, string Status, string UnitName, string OfficialName, string Service, string Purpose,
        IReadOnlyList<TypeItem> Types, DateTimeOffset CreatedAt, DateTimeOffset DecideBy, DateTimeOffset? DecidedAt, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/codes/requests", EndpointAsync).RequireAuthorization()
        .WithName("ListMyCodeRequests").WithSummary("我的用证请求 / Requests made with my personal codes").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), services, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, CodeServices s, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Citizen)
            return Outcomes.Forbidden<IReadOnlyList<Item>>("code.citizens_only", "个人码仅供实名个人使用", "Personal codes are for verified citizens only");
        var now = s.Clock.GetUtcNow();
        var rows = await s.Exchange.CodeRequests.AsNoTracking().Where(r => r.HolderSubject == actor.SubjectId)
            .OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(ct);
        var names = await s.Trust.CertificateTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return rows.Select(r => new Item(r.Id, r.StatusText(now), r.UnitName, r.OfficialName, r.Service, r.Purpose,
                [.. r.Types.Select(t => new TypeItem(t, names.GetValueOrDefault(t, t)))], r.CreatedAt, r.DecideBy, r.DecidedAt, r.Version))
            .OrderByDescending(i => i.Status == "pending").ThenByDescending(i => i.CreatedAt).ToList();
    }
}
