using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.SharedKernel.Actors;
using Qilu.Sharing.Gateway;
using Qilu.Trust.Contracts;

namespace Qilu.Sharing.Verification;

/// <summary>
/// 核验 through the gateway: POST /api/sharing/gateway/{grantId}/verify/{name-id|residence|licence}. The question is
/// answered as a signed yes/no — the data itself never leaves (原始数据不出域). The grant must allow the 核验 share method
/// (<see cref="GatewayPipeline.ShareMethodRefusal"/>); quotas, audit and metering apply as for any gateway call. The signed statement names the kind,
/// an SM3 digest of the question (so the consumer can prove what was asked), the answer, the grant, the consumer and
/// the time.
/// </summary>
internal static class Verify
{
    public sealed record NameIdRequest(string? IdNumber, string? Name);

    public sealed record ResidenceRequest(string? IdNumber, string? DivisionCode);

    public sealed record LicenceRequest(string? CreditCode, string? TypeCode);

    public sealed record Response(string Kind, bool Answer, Guid GrantId, DateTimeOffset At, string Statement, string Signature, string KeyId, string Algorithm);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder gateway)
    {
        gateway.MapPost("/{grantId:guid}/verify/name-id", (Guid grantId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
            p.RunAsync(ctx, grantId, "verify.name-id", false, (r, ct) => NameIdAsync(r, sp, ct)))
            .WithName("GatewayVerifyNameId").WithSummary("姓名与身份号码一致性核验 / Name–ID match").Accepts<NameIdRequest>("application/json").Produces<Response>();
        gateway.MapPost("/{grantId:guid}/verify/residence", (Guid grantId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
            p.RunAsync(ctx, grantId, "verify.residence", false, (r, ct) => ResidenceAsync(r, sp, ct)))
            .WithName("GatewayVerifyResidence").WithSummary("户籍所在地核验 / Registered in a division").Accepts<ResidenceRequest>("application/json").Produces<Response>();
        gateway.MapPost("/{grantId:guid}/verify/licence", (Guid grantId, HttpContext ctx, GatewayPipeline p, IServiceProvider sp) =>
            p.RunAsync(ctx, grantId, "verify.licence", false, (r, ct) => LicenceAsync(r, sp, ct)))
            .WithName("GatewayVerifyLicence").WithSummary("有效证照核验 / Holds a valid licence").Accepts<LicenceRequest>("application/json").Produces<Response>();
    }

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> NameIdAsync(GatewayRequest r, IServiceProvider sp, CancellationToken ct)
    {
        if (Parse<NameIdRequest>(r) is not { } q) return (null, BadBody());
        var id = await ValidateAsync(sp, StandardElementIds.IdNumber, q.IdNumber, "idNumber", ct);
        if (id.Refusal is not null) return (null, id.Refusal);
        if (string.IsNullOrWhiteSpace(q.Name)) return (null, GatewayRefusal.BadRequest("required", "须填写姓名", "name is required", "name"));
        var (resource, nameField, _, missing) = await FindPersonTableAsync(r, sp, needDivision: false, ct);
        if (missing is not null) return (null, missing);
        if (await r.ChargeAsync(ct) is { } charged) return (null, charged);
        var row = await sp.GetRequiredService<IResourceRows>().FindByKeyAsync(resource!.ResourceId, id.Value!, [nameField!], r.Grant.RowScope, ct);
        var answer = row is not null && string.Equals(row.Values.GetValueOrDefault(nameField!)?.Trim(), q.Name.Trim(), StringComparison.Ordinal);
        return (await AnswerAsync(r, sp, "name-id", VerificationSigner.SubjectHash(id.Value!, q.Name.Trim()), answer, resource.ResourceId, ct), null);
    }

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> ResidenceAsync(GatewayRequest r, IServiceProvider sp, CancellationToken ct)
    {
        if (Parse<ResidenceRequest>(r) is not { } q) return (null, BadBody());
        var id = await ValidateAsync(sp, StandardElementIds.IdNumber, q.IdNumber, "idNumber", ct);
        if (id.Refusal is not null) return (null, id.Refusal);
        var division = await ValidateAsync(sp, StandardElementIds.DivisionCode, q.DivisionCode, "divisionCode", ct);
        if (division.Refusal is not null) return (null, division.Refusal);
        var (resource, _, divisionField, missing) = await FindPersonTableAsync(r, sp, needDivision: true, ct);
        if (missing is not null) return (null, missing);
        if (await r.ChargeAsync(ct) is { } charged) return (null, charged);
        var row = await sp.GetRequiredService<IResourceRows>().FindByKeyAsync(resource!.ResourceId, id.Value!, [divisionField!], r.Grant.RowScope, ct);
        var answer = row?.DivisionCode is { } code && code.StartsWith(DivisionScope.PrefixOf(division.Value!), StringComparison.Ordinal);
        return (await AnswerAsync(r, sp, "residence", VerificationSigner.SubjectHash(id.Value!, division.Value!), answer, resource.ResourceId, ct), null);
    }

    internal static async Task<(GatewayAnswer?, GatewayRefusal?)> LicenceAsync(GatewayRequest r, IServiceProvider sp, CancellationToken ct)
    {
        if (Parse<LicenceRequest>(r) is not { } q) return (null, BadBody());
        var code = await ValidateAsync(sp, StandardElementIds.CreditCode, q.CreditCode, "creditCode", ct);
        if (code.Refusal is not null) return (null, code.Refusal);
        if (string.IsNullOrWhiteSpace(q.TypeCode) || q.TypeCode.Length > 40)
            return (null, GatewayRefusal.BadRequest("required", "须填写证照类型代码", "typeCode is required", "typeCode"));
        var wallet = sp.GetRequiredService<ICertificateWallet>();
        var typeCode = q.TypeCode.Trim();
        if (await wallet.IssuerKindAsync(typeCode, ct) is not { } issuerKind)
            return (null, GatewayRefusal.BadRequest("typeCode.unknown", $"证照类型代码不存在：{typeCode}", $"Unknown certificate type: {typeCode}", "typeCode"));
        // The grant is for the provider's data: only the authority that issues this kind of licence holds its register,
        // so a grant from any other unit (a 民政 person register, say) cannot be used to probe enterprises' licences.
        var provider = await sp.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(r.Grant.ProviderUnitId, ct);
        if (provider is null || !string.Equals(provider.Kind, issuerKind, StringComparison.Ordinal))
            return (null, GatewayRefusal.Forbidden("verify.licence_not_provider", $"该授权的提供方（{r.Grant.ProviderName}）不是该类证照的发证部门，不能核验此类证照",
                $"The grant's provider ({r.Grant.ProviderName}) does not issue this type of certificate", "typeCode"));
        if (await r.ChargeAsync(ct) is { } charged) return (null, charged);
        var answer = await wallet.HoldsValidAsync(code.Value!, typeCode, ct);
        return (await AnswerAsync(r, sp, "licence", VerificationSigner.SubjectHash(code.Value!, typeCode), answer, null, ct), null);
    }

    private static async Task<(MountedResourceInfo? Resource, string? NameField, string? DivisionField, GatewayRefusal? Missing)> FindPersonTableAsync(
        GatewayRequest r, IServiceProvider sp, bool needDivision, CancellationToken ct)
    {
        var rows = sp.GetService<IResourceRows>();
        if (rows is null) return (null, null, null, new GatewayRefusal(503, new("gateway.rows_unavailable", "资源库服务未启用", "The resource store is not available")));
        foreach (var res in await rows.ListResourcesAsync(r.Grant.EntryId, ct))
        {
            if (res.Kind != ResourceKind.Table || res.Columns.FirstOrDefault(c => c.Field == res.KeyField)?.ElementIdentifier != StandardElementIds.IdNumber) continue;
            var name = res.Columns.FirstOrDefault(c => c.ElementIdentifier == StandardElementIds.PersonName)?.Field;
            if (needDivision ? res.DivisionField is null : name is null) continue;
            return (res, name, res.DivisionField, null);
        }
        return (null, null, null, GatewayRefusal.NotFound("可用于该核验的资源", "A resource for this verification"));
    }

    private static async Task<(string? Value, GatewayRefusal? Refusal)> ValidateAsync(IServiceProvider sp, string element, string? value, string field, CancellationToken ct)
    {
        var v = await sp.GetRequiredService<IDataElementValidator>().ValidateAsync(element, value, ct);
        return v.IsSuccess ? (v.Value, null) : (null, new GatewayRefusal(400, v.Error with { Field = field }));
    }

    private static async Task<GatewayAnswer> AnswerAsync(GatewayRequest r, IServiceProvider sp, string kind, string subject, bool answer, Guid? resourceId,
        CancellationToken ct)
    {
        var statement = VerificationSigner.Statement(kind, subject, answer, r.Grant.Id, r.Grant.ConsumerUnitId.ToString(), r.Now);
        var (keyId, signature) = await sp.GetRequiredService<VerificationSigner>().SignAsync(VerificationSigner.VerificationPurpose, Encoding.UTF8.GetBytes(statement), ct);
        return new GatewayAnswer(new Response(kind, answer, r.Grant.Id, r.Now, statement, signature, keyId, VerificationSigner.Algorithm), 0, [], resourceId);
    }

    private static T? Parse<T>(GatewayRequest r) where T : class
    {
        try
        {
            return r.Body.Length == 0 ? null : JsonSerializer.Deserialize<T>(r.Body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GatewayRefusal BadBody() => GatewayRefusal.BadRequest("body.invalid", "请求体须为 JSON 对象", "The body must be a JSON object", "body");
}
