using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Masking;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;
using Qilu.Trust.Wallet;

namespace Qilu.Trust.Codes;

/// <summary>
/// POST /api/trust/codes/personal: a citizen's personal code (个人码) for this minute — signed by the platform's code
/// signer, valid for 60 s, with a one-time nonce. The portal shows it as a QR and asks for a new one before it lapses.
/// The code carries no identifier, only a masked name; the nonce is what the platform resolves to the holder.
/// </summary>
internal static class IssuePersonalCode
{
    public sealed record Response(string Code, DateTimeOffset ExpiresAt, string QrPngBase64);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/codes/personal", EndpointAsync).RequireAuthorization()
        .WithName("IssuePersonalCode").WithSummary("生成个人码 / Issue a personal code").Produces<Response>();

    private static async Task<IResult> EndpointAsync(HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), services, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, CodeServices s, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.Citizen)
            return Outcomes.Forbidden<Response>("code.citizens_only", "个人码仅供实名个人使用", "Personal codes are for verified citizens only");
        var index = await WalletHolder.IndexAsync(actor, s.People, s.Protector, ct);
        if (!index.IsSuccess) return Result<Response>.Failure(index.Errors, index.Kind);
        var now = s.Clock.GetUtcNow();
        var code = new PersonalCode
        {
            Nonce = CertificateDocument.Base64Url(RandomNumberGenerator.GetBytes(16)), HolderIndex = index.Value, HolderSubject = actor.SubjectId,
            HolderName = actor.DisplayName, IssuedAt = now, ExpiresAt = now + CodeServices.PersonalCodeLifetime,
        };
        var claims = new JsonObject
        {
            ["typ"] = "personal", ["n"] = code.Nonce, ["hn"] = Mask.Name(actor.DisplayName),
            ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = code.ExpiresAt.ToUnixTimeSeconds(),
        };
        var payload = await CodePayload.CreateAsync(CodePayload.PersonalPrefix, claims, s.Signer, ct);
        s.Exchange.PersonalCodes.Add(code);
        await s.Exchange.SaveChangesAsync(ct);
        return new Response(payload, code.ExpiresAt, QrImage.PngBase64(payload));
    }
}
