using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;

namespace Qilu.Trust.Codes;

/// <summary>
/// POST /api/trust/codes/scan: an official scans a citizen's personal code, stating the service, the purpose and the
/// certificate types needed. The code must verify (SM2, code signer certified by this CA), be unexpired and unused: the
/// nonce is consumed by one conditional update, so a second scan — by anyone — is refused and audited as a replay. The
/// result is a pending request the holder sees on their screen.
/// </summary>
internal static class ScanPersonalCode
{
    public sealed record Request(string? Code, string? Service, string? Purpose, string[]? TypeCodes);

    public sealed record Response(Guid RequestId, string Status, string HolderName, DateTimeOffset DecideBy);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/codes/scan", EndpointAsync)
        .RequirePermission(TrustPermissions.CodesScan)
        .WithName("ScanPersonalCode").WithSummary("扫个人码发起用证请求 / Scan a personal code").Produces<Response>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, CodeServices services) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, services, ctx.RequestAborted), r => $"/api/trust/codes/requests/{r.RequestId}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Request request, CodeServices s, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.CodesScan) is { } denied) return Outcomes.Denied<Response>(denied);
        if (actor.DepartmentId is not { } unitId || await s.Directory.FindUnitAsync(unitId, ct) is not { } unit)
            return Outcomes.Forbidden<Response>("code.no_unit", "只有代表办事单位的工作人员可以扫码用证", "Only an official acting for a unit may scan personal codes");
        var errors = new List<Error>();
        var service = request.Service?.Trim();
        var purpose = request.Purpose?.Trim();
        if (string.IsNullOrEmpty(service) || service.Length > 200)
            errors.Add(new Error("code.service", "请填写办理事项（不超过 200 字）", "State the service (at most 200 characters)", "service"));
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 200)
            errors.Add(new Error("code.purpose", "请填写用证事由（不超过 200 字）", "State the purpose (at most 200 characters)", "purpose"));
        var types = (request.TypeCodes ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length is 0 or > 10)
            errors.Add(new Error("code.types", "请选择 1–10 种所需证照", "Choose 1–10 certificate types", "typeCodes"));
        else
        {
            var known = await s.Trust.CertificateTypes.AsNoTracking().Where(t => types.Contains(t.Code)).Select(t => new { t.Code, t.HolderKind }).ToListAsync(ct);
            foreach (var t in types.Where(t => known.All(k => k.Code != t)))
                errors.Add(new Error("code.type_unknown", $"证照类型“{t}”不存在", $"Unknown certificate type '{t}'", "typeCodes"));
            foreach (var k in known.Where(k => k.HolderKind != "person"))
                errors.Add(new Error("code.type_not_personal", $"证照类型“{k.Code}”不是个人证照", $"'{k.Code}' is not held by persons", "typeCodes"));
        }
        if (string.IsNullOrWhiteSpace(request.Code))
            errors.Add(new Error("code.required", "请扫描或粘贴个人码", "Scan or paste the personal code", "code"));
        if (errors.Count > 0) return Result<Response>.Failure(errors);

        var checkedCode = await PersonalCodeCheck.VerifyAsync(request.Code!.Trim(), s, ct);
        var now = s.Clock.GetUtcNow();
        if (!checkedCode.IsSuccess)
        {
            await s.Audit.WriteAsync("trust.codes.scan_refused", "personal_code", null, "failure", actor,
                new { reason = checkedCode.Errors[0].Code, unit = unit.Name }, ct);
            return Result<Response>.Failure(checkedCode.Errors, checkedCode.Kind);
        }
        var (nonce, expiresAt) = checkedCode.Value;
        if (now > expiresAt)
        {
            await s.Audit.WriteAsync("trust.codes.scan_refused", "personal_code", null, "failure", actor, new { reason = "code.expired", unit = unit.Name }, ct);
            return Outcomes.Conflict<Response>("code.expired", "个人码已过期，请持证人刷新后重新出示", "The personal code has expired; ask the holder to refresh it", "code");
        }
        // One conditional update consumes the nonce: of two concurrent scans exactly one changes a row.
        var consumed = await s.Exchange.PersonalCodes.Where(c => c.Nonce == nonce && c.ScannedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.ScannedAt, now).SetProperty(c => c.ScannedBy, actor.SubjectId), ct);
        var code = await s.Exchange.PersonalCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Nonce == nonce, ct);
        if (code is null)
            return Outcomes.Invalid<Response>("code.unknown", "本平台没有签发过这个个人码", "This platform did not issue this personal code", "code");
        if (consumed == 0)
        {
            await s.Audit.WriteAsync("trust.codes.replay_refused", "personal_code", code.Id.ToString(), "denied", actor,
                new { firstScannedAt = code.ScannedAt, firstScannedBy = code.ScannedBy, unit = unit.Name }, ct);
            return Outcomes.Conflict<Response>("code.replayed", "该个人码已被使用过，不能重复扫码；请持证人刷新后重新出示",
                "This personal code was already used; ask the holder for a fresh one", "code");
        }
        var entry = new CodeRequest
        {
            CodeId = code.Id, HolderIndex = code.HolderIndex, HolderSubject = code.HolderSubject, OfficialSubject = actor.SubjectId,
            OfficialName = actor.DisplayName, UnitId = unit.Id, UnitName = unit.Name, DivisionCode = unit.DivisionCode, Service = service!,
            Purpose = purpose!, TypeCodes = string.Join(',', types), Status = CodeRequestStatus.Pending, CreatedAt = now,
            DecideBy = now + CodeServices.DecisionWindow,
        };
        s.Exchange.CodeRequests.Add(entry);
        await s.Exchange.SaveChangesAsync(ct);
        await s.Audit.WriteAsync("trust.codes.scanned", "code_request", entry.Id.ToString(), "success", actor,
            new { entry.Service, entry.Purpose, types, unit = unit.Name }, ct);
        return new Response(entry.Id, "pending", Qilu.SharedKernel.Masking.Mask.Name(code.HolderName), entry.DecideBy);
    }
}
