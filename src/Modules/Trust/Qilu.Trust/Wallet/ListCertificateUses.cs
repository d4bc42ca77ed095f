using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Codes;

namespace Qilu.Trust.Wallet;

/// <summary>
/// GET /api/trust/wallet/uses: the holder's use record (用证记录) across channels — releases and refusals through
/// personal codes and certificates served to other provinces' platforms — newest first.
/// </summary>
internal static class ListCertificateUses
{
    public sealed record Item(DateTimeOffset At, string Channel, string? LicenceId, string Party, string Purpose, string Outcome);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/wallet/uses", EndpointAsync).RequireAuthorization()
        .WithName("ListCertificateUses").WithSummary("用证记录 / My certificate use record").Produces<IReadOnlyList<Item>>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), services, ctx.RequestAborted));

    internal static async Task<Result<IReadOnlyList<Item>>> HandleAsync(Actor actor, CodeServices s, CancellationToken ct)
    {
        var index = await WalletHolder.IndexAsync(actor, s.People, s.Protector, ct);
        if (!index.IsSuccess) return Result<IReadOnlyList<Item>>.Failure(index.Errors, index.Kind);
        var rows = await s.Exchange.CertificateUses.AsNoTracking().Where(u => u.HolderIndex == index.Value).ToListAsync(ct);
        return rows.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Take(200)
            .Select(u => new Item(u.At, u.Channel, u.LicenceId, u.Party, u.Purpose, u.Outcome)).ToList();
    }
}
