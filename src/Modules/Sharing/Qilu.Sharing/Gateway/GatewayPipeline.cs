using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Platform.Auth;
using Qilu.Sharing.Auditing;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Data;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Usage;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Time;

namespace Qilu.Sharing.Gateway;

/// <summary>One call as the operation sees it: who, under which grant, and the request body.</summary>
internal sealed class GatewayRequest(GatewayPipeline pipeline, Actor actor, Grant grant, DateTimeOffset now, byte[] body, IQueryCollection query)
{
    public Actor Actor { get; } = actor;
    public Grant Grant { get; } = grant;
    public DateTimeOffset Now { get; } = now;
    public byte[] Body { get; } = body;
    public IQueryCollection Query { get; } = query;
    public bool Charged { get; private set; }

    /// <summary>Set by <see cref="Waive"/>: the operation consumes no quota.</summary>
    public bool ChargeWaived { get; private set; }

    /// <summary>
    /// For operations that release no data and must work when the quota is used up — a consumer managing its own
    /// subscriptions (list, cancel, resume) must be able to stop pushes it no longer wants. Still audited and metered.
    /// </summary>
    public void Waive() => ChargeWaived = true;

    /// <summary>Consumes one call of the quota; call after validating the input (bad input is not charged).</summary>
    public async Task<GatewayRefusal?> ChargeAsync(CancellationToken ct)
    {
        var refusal = await pipeline.ChargeAsync(Grant, Now, ct);
        Charged = refusal is null;
        return refusal;
    }
}

/// <summary>
/// The gateway's enforcement around every operation: caller authentication (client credentials with the gateway
/// scope, bound to a consumer unit — or, for 数据直达基层, an official inside the grant's division), the grant as
/// committed (<see cref="GrantCache"/>, invalidated by every change before it answers, or read from the database), state and period, rate limit, quota, then the
/// operation; and for every answer, refusals included, the binding hash headers, an audit entry and a metering record.
/// </summary>
internal sealed class GatewayPipeline(IServiceProvider services, GrantCache grants, TimeProvider clock, GatewayRateLimiter limiter, QuotaLedger quota,
    SharingAudit audit, ActorAccessor actors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IResult> RunAsync(HttpContext ctx, Guid grantId, string operation, bool grassroots,
        Func<GatewayRequest, CancellationToken, Task<(GatewayAnswer? Answer, GatewayRefusal? Refusal)>> handler)
    {
        try
        {
            return await RunCoreAsync(ctx, grantId, operation, grassroots, handler);
        }
        catch (Exception ex) when (DatabaseUnavailable.IsTransient(ex) && !ctx.Response.HasStarted)
        {
            // The database itself is what failed, so this call can be neither metered nor audited; the caller is told
            // to retry rather than handed a 500. A quota charge inside a rolled-back transaction is not lost either.
            var refusal = new GatewayRefusal(503, new("gateway.database_unavailable", "共享网关数据库暂时不可用，请稍后重试",
                "The gateway's database is temporarily unavailable; retry later"), DatabaseUnavailable.RetryAfter);
            ctx.Response.Headers.RetryAfter = ((int)DatabaseUnavailable.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return new RawJsonResult(503, JsonSerializer.SerializeToUtf8Bytes(Problem(refusal), Json), "application/problem+json; charset=utf-8");
        }
    }

    private async Task<IResult> RunCoreAsync(HttpContext ctx, Guid grantId, string operation, bool grassroots,
        Func<GatewayRequest, CancellationToken, Task<(GatewayAnswer? Answer, GatewayRefusal? Refusal)>> handler)
    {
        var started = Stopwatch.GetTimestamp();
        var ct = ctx.RequestAborted;
        var actor = actors.FromContext(ctx);
        var body = await ReadBodyAsync(ctx.Request, ct);
        var clientId = actor.SubjectId.Length > 0 ? actor.SubjectId : "anonymous";
        var canonical = BindingHash.CanonicalRequest(ctx.Request.Method, ctx.Request.Path.ToUriComponent(), ctx.Request.Query, clientId, body);
        var requestHash = BindingHash.RequestHash(canonical);
        var now = clock.GetUtcNow();

        Grant? grant = null;
        GatewayAnswer? answer = null;
        var refusal = Authenticate(ctx, actor, grassroots);
        if (refusal is null)
        {
            grant = await GrantAsync(grantId, ct);
            refusal = Authorize(actor, grant, now, grassroots) ?? ShareMethodRefusal(grant!, operation);
        }
        if (refusal is null && limiter.TryAcquire(grant!) is { } wait)
            refusal = new GatewayRefusal(429, new("gateway.rate_limited", $"调用过于频繁（授权限速 {grant!.RatePerSecond} 次/秒），请稍后重试",
                $"Too many calls (the grant allows {grant.RatePerSecond} per second); retry later"), wait);
        if (refusal is null)
        {
            var request = new GatewayRequest(this, actor, grant!, now, body, ctx.Request.Query);
            (answer, refusal) = await handler(request, ct);
            if (answer is not null && !request.Charged && !request.ChargeWaived)
                throw new InvalidOperationException($"Gateway operation {operation} answered without charging the quota.");
        }

        var status = answer?.Status ?? refusal!.Status;
        var file = answer?.Body as GatewayFile;
        var payload = file is not null ? file.Bytes
            : answer is not null ? JsonSerializer.SerializeToUtf8Bytes(answer.Body, Json)
            : JsonSerializer.SerializeToUtf8Bytes(Problem(refusal!), Json);
        var call = Guid.CreateVersion7();
        var requestHashHex = Convert.ToHexStringLower(requestHash);
        // The call answers only once its audit entry is durable (nothing answered goes unrecorded). The entry carries
        // what the call's metering record needs, and MeteringProjector writes that record from it (ADR 0018 addendum 7):
        // exactly one per entry, a moment later, without a write to the modules' database on the call's path.
        await audit.WriteAsync(MeteringProjector.ActionPrefix + operation.Replace('-', '_'), "grant", grant?.Id.ToString() ?? grantId.ToString(), actor, new GatewayCallDetails(
            call, grant?.ConsumerName, grant?.Id, grant?.Purpose, answer?.Fields, answer?.Rows ?? 0, requestHashHex, status, refusal?.Error.Code,
            operation, answer?.ResourceId, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3)),
            answer is not null ? "success" : status is 403 or 401 or 429 ? "denied" : "failure", CancellationToken.None);

        var headers = ctx.Response.Headers;
        headers[GatewayProtocol.RequestHashHeader] = requestHashHex;
        headers[GatewayProtocol.BindingHashHeader] = BindingHash.Bind(requestHash, payload);
        headers[GatewayProtocol.CallIdHeader] = call.ToString();
        if (refusal?.RetryAfter is { } retry)
            headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (file is not null)
        {
            headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName }.ToString();
            headers[GatewayProtocol.ContentSm3Header] = file.Sm3Hash;
            return new RawJsonResult(status, payload, file.ContentType);
        }
        return new RawJsonResult(status, payload, answer is not null ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8");
    }

    /// <summary>
    /// The grant as committed: from <see cref="GrantCache"/> (invalidated by every grant change before that change's
    /// request answers) or read from the database; the Sharing context is resolved only for that read.
    /// </summary>
    private async Task<Grant?> GrantAsync(Guid grantId, CancellationToken ct)
    {
        if (grants.TryGet(grantId, out var cached)) return cached;
        var generation = grants.Generation;
        var db = services.GetRequiredService<SharingDbContext>();
        var grant = await GatewayQueries.For(db).Grant(db, grantId, ct);
        if (grant is not null) grants.Offer(grant, generation);
        return grant;
    }

    internal async Task<GatewayRefusal?> ChargeAsync(Grant grant, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await quota.TryConsumeAsync(grant, now, ct);
        return outcome switch
        {
            QuotaOutcome.Granted => null,
            QuotaOutcome.DailyExhausted => new GatewayRefusal(429, new("gateway.quota_daily", $"今日调用次数已达授权上限（{grant.DailyQuota} 次/日）",
                $"The daily quota of the grant ({grant.DailyQuota} calls) is used up"), WorkingCalendar.StartOfChinaDay(WorkingCalendar.ChinaDate(now).AddDays(1)) - now),
            _ => new GatewayRefusal(429, new("gateway.quota_total", $"授权总调用次数已用尽（共 {grant.TotalQuota} 次），请重新申请",
                $"The total quota of the grant ({grant.TotalQuota} calls) is used up; apply again")),
        };
    }

    private static GatewayRefusal? Authenticate(HttpContext ctx, Actor actor, bool grassroots)
    {
        if (!actor.IsAuthenticated)
            return new GatewayRefusal(401, new("gateway.unauthenticated", "须携带访问令牌调用共享网关", "Call the gateway with an access token"));
        if (grassroots)
        {
            return actor.Kind == ActorKind.Official && actor.Has(SharingPermissions.GrassrootsRead) && actor.DivisionCode is not null ? null
                : GatewayRefusal.Forbidden("grassroots.permission", "数据直达基层须由具备相应权限的基层工作人员使用", "Grassroots access is for officials holding the permission");
        }
        if (actor.Kind != ActorKind.SystemClient || !ScopeGranted(ctx.User) || actor.DepartmentId is null)
            return GatewayRefusal.Forbidden("gateway.scope", $"共享网关须使用绑定使用单位、持有 {GatewayProtocol.Scope} 授权范围的客户端凭证",
                $"The gateway needs client credentials bound to a consumer unit with the {GatewayProtocol.Scope} scope");
        return null;
    }

    private static GatewayRefusal? Authorize(Actor actor, Grant? grant, DateTimeOffset now, bool grassroots)
    {
        var visible = grant is not null && (grassroots
            ? grant.Grassroots && actor.CanSeeDivisionOf(grant.ConsumerDivision)
            : grant.ConsumerUnitId == actor.DepartmentId);
        if (!visible) return GatewayRefusal.NotFound("授权", "Grant");
        var reason = string.IsNullOrEmpty(grant!.StatusReason) ? "" : $"：{grant.StatusReason}";
        var reasonEn = string.IsNullOrEmpty(grant.StatusReason) ? "" : $": {grant.StatusReason}";
        return grant.EffectiveStatus(now) switch
        {
            // A system of the consumer unit that the unit has not bound to this grant (调用系统) is refused; officials
            // reading their own area (数据直达基层) are not systems, and the grant's division bounds them instead.
            "Active" when !grassroots && !grant.BindsClient(actor.SubjectId) => GatewayRefusal.Forbidden("grant.client_not_bound",
                $"调用系统“{actor.SubjectId}”未绑定该授权，请由使用单位在共享授权中绑定", $"The calling system '{actor.SubjectId}' is not bound to this grant; the consumer unit binds its systems on the grant"),
            "Active" => null,
            "Suspended" => GatewayRefusal.Forbidden("grant.suspended", $"授权已暂停{reason}", $"The grant is suspended{reasonEn}"),
            "Revoked" => GatewayRefusal.Forbidden("grant.revoked", $"授权已撤销{reason}", $"The grant was revoked{reasonEn}"),
            "Withdrawn" => GatewayRefusal.Forbidden("grant.entry_withdrawn", $"目录已下线，授权终止{reason}", $"The catalog entry was withdrawn; the grant ended{reasonEn}"),
            "Expired" => GatewayRefusal.Forbidden("grant.expired", $"授权已于 {grant.ValidUntil.ToOffset(WorkingCalendar.ChinaOffset):yyyy-MM-dd HH:mm} 到期",
                $"The grant expired at {grant.ValidUntil:u}"),
            _ => GatewayRefusal.Forbidden("grant.not_yet_valid", $"授权自 {grant.ValidFrom.ToOffset(WorkingCalendar.ChinaOffset):yyyy-MM-dd} 起生效",
                $"The grant is valid from {grant.ValidFrom:u}"),
        };
    }

    /// <summary>
    /// The entry's 共享方式 as the grant records them (<see cref="Grant.ShareMethods"/>): 核验 operations need
    /// <see cref="ShareMethod.Verification"/>, a file download <see cref="ShareMethod.File"/>, every other operation that releases data (key, rows, the change feed and its
    /// subscriptions, proxied APIs, 数据直达基层) needs <see cref="ShareMethod.Api"/>. A 核验-only entry's rows never leave.
    /// </summary>
    internal static GatewayRefusal? ShareMethodRefusal(Grant grant, string operation)
    {
        var needed = operation.StartsWith("verify.", StringComparison.Ordinal) ? ShareMethod.Verification
            : operation == "file" ? ShareMethod.File : ShareMethod.Api;
        if (grant.Allows(needed)) return null;
        var offered = grant.ShareMethods.Length == 0 ? "无" : string.Join("、", grant.ShareMethods.Split(',').Select(m => Enum.TryParse<ShareMethod>(m, out var v) ? MethodName(v) : m));
        var offeredEn = grant.ShareMethods.Length == 0 ? "none" : grant.ShareMethods.Replace(",", ", ", StringComparison.Ordinal);
        return GatewayRefusal.Forbidden("grant.share_method", $"该授权对应的目录未提供{MethodName(needed)}共享方式（提供的方式：{offered}）",
            $"The grant's catalog entry is not shared by {needed} (it offers: {offeredEn})");
    }

    private static string MethodName(ShareMethod m) => m switch { ShareMethod.Api => "接口", ShareMethod.File => "文件", _ => "核验" };

    /// <summary>True when the validated token carries the gateway scope (OpenIddict: <c>oi_scp</c>; plain JWT: <c>scope</c>).</summary>
    public static bool ScopeGranted(System.Security.Claims.ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // One pass over the claims without splitting or closures: this runs on every gateway call.
        foreach (var identity in user.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                // Claim types compare as FindAll compares them (ignoring case); values exactly.
                if (string.Equals(claim.Type, "oi_scp", StringComparison.OrdinalIgnoreCase) && claim.Value == GatewayProtocol.Scope) return true;
                if (!string.Equals(claim.Type, "scope", StringComparison.OrdinalIgnoreCase)) continue;
                var value = claim.Value.AsSpan();
                foreach (var range in value.Split(' '))
                    if (value[range].SequenceEqual(GatewayProtocol.Scope)) return true;
            }
        }
        return false;
    }

    private static object Problem(GatewayRefusal r) => new
    {
        type = $"https://qilu.gov.cn/problems/{r.Error.Code}",
        title = r.Status switch
        {
            401 => "未认证 / Unauthorized",
            403 => "无权操作 / Forbidden",
            404 => "资源不存在 / Not found",
            429 => "超出限额 / Too many requests",
            503 when r.Error.Code == "gateway.database_unavailable" => "服务暂时不可用 / Service unavailable",
            >= 500 => "上游服务异常 / Upstream failure",
            _ => "请求参数有误 / Invalid request",
        },
        status = r.Status,
        detail = r.Error.Message,
        errors = new[] { new { field = r.Error.Field, code = r.Error.Code, message = r.Error.Message, messageEn = r.Error.MessageEn } },
    };

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method)) return [];
        using var ms = new MemoryStream();
        await request.Body.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}

internal static class ActorDivisionExtensions
{
    /// <summary>True when the actor's own division lies inside <paramref name="division"/>'s subtree (the reverse of <see cref="Actor.CanSeeDivision"/>).</summary>
    public static bool CanSeeDivisionOf(this Actor actor, string division) =>
        actor.DivisionCode is { } own && own.StartsWith(DivisionScope.PrefixOf(division), StringComparison.Ordinal);
}
