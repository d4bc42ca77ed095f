using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Certificates;

namespace Qilu.Trust.Codes;

/// <summary>
/// POST /api/trust/codes/requests/{id}/decision: the holder consents to or refuses a request. Consent releases the
/// holder's currently valid certificates of the requested types (latest version each) to the requesting unit; each
/// release, or the refusal, is written to the holder's use record (用证记录) and to the audit log. A request already
/// decided, or past its deadline, is a 409.
/// </summary>
internal static class DecideCodeRequest
{
    public sealed record Request(bool? Consent);

    public sealed record Response(Guid RequestId, string Status, int Released);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/codes/requests/{id:guid}/decision", EndpointAsync).RequireAuthorization()
        .WithName("DecideCodeRequest").WithSummary("同意或拒绝用证请求 / Consent to or refuse a request").Produces<Response>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, services, ctx.RequestAborted));

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Guid id, Request request, CodeServices s, CancellationToken ct)
    {
        if (request.Consent is not { } consent)
            return Outcomes.Invalid<Response>("code.consent", "请选择同意或拒绝", "Choose consent or refuse", "consent");
        var entry = await s.Exchange.CodeRequests.FirstOrDefaultAsync(r => r.Id == id && r.HolderSubject == actor.SubjectId, ct);
        if (entry is null || actor.Kind != ActorKind.Citizen) return Outcomes.NotFound<Response>("用证请求", "Request");
        var now = s.Clock.GetUtcNow();
        var status = entry.StatusText(now);
        if (status != "pending")
            return Outcomes.Conflict<Response>("code.request_closed", $"该请求已{(status == "expired" ? "过期" : "处理")}（{status}）",
                $"The request is already {status}", "consent");
        entry.DecidedAt = now;
        var party = $"{entry.UnitName}（{entry.OfficialName}）";
        var released = new List<IssuedCertificate>();
        if (consent)
        {
            var types = entry.Types;
            var held = await s.Trust.Certificates.AsNoTracking()
                .Where(c => c.HolderIdIndex == entry.HolderIndex && types.Contains(c.TypeCode) && c.Status == CertificateStatus.Valid).ToListAsync(ct);
            released = [.. held.Where(c => CertificateWallet.StatusText(c, now) == "valid").GroupBy(c => c.Serial)
                .Select(g => g.OrderByDescending(c => c.VersionNumber).First())];
            entry.Status = CodeRequestStatus.Consented;
            entry.ReleasedIds = string.Join(',', released.Select(c => c.Id));
            foreach (var c in released)
                s.Exchange.CertificateUses.Add(Use(entry, now, party, c.Id, c.LicenceId, "released"));
            if (released.Count == 0) s.Exchange.CertificateUses.Add(Use(entry, now, party, null, null, "consented_none_held"));
        }
        else
        {
            entry.Status = CodeRequestStatus.Refused;
            s.Exchange.CertificateUses.Add(Use(entry, now, party, null, null, "refused"));
        }
        try
        {
            await s.Exchange.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Conflict<Response>("concurrency", "该请求刚被处理过，请刷新", "The request was just decided elsewhere; reload");
        }
        await s.Audit.WriteAsync(consent ? "trust.codes.consented" : "trust.codes.refused", "code_request", entry.Id.ToString(), "success", actor,
            new { unit = entry.UnitName, entry.Service, entry.Purpose, released = released.Select(c => c.LicenceId).ToArray() }, ct);
        return new Response(entry.Id, entry.StatusText(now), released.Count);
    }

    private static CertificateUse Use(CodeRequest r, DateTimeOffset now, string party, Guid? id, string? licenceId, string outcome) => new()
    {
        CertificateId = id, LicenceId = licenceId, HolderIndex = r.HolderIndex, At = now, Channel = "personal_code", RequestId = r.Id,
        Party = party, Purpose = Clip($"{r.Service}：{r.Purpose}"), Outcome = outcome,
    };

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200];
}
