using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Catalog;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Audit;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Masking;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;

namespace Qilu.Cases.Applications;

/// <summary>
/// GET /api/cases/application-form?matterCode=…|bundleCode=…: what the applicant is asked before applying — the form
/// of the matter or bundle as offered in their division, each field with its prefilled value and where the value
/// came from (免填: account, shared data, computed, or to be typed), the materials with how each is provided
/// (certificate or shared data with consent, exempt, or an upload) and the applicant's valid library files. Identity
/// numbers and phone numbers from the account are returned masked only: a field left out of the application keeps
/// the account's value server-side, so the clear value never needs to reach the browser.
/// </summary>
internal static class GetApplicationForm
{
    /// <summary>Where a prefilled value came from, as shown next to the field (来源).</summary>
    public static (string Zh, string En) SourceName(string source) => source switch
    {
        Prefill.FromAccount => ("账户", "Account"),
        Prefill.FromOffer => ("共享数据", "Shared data"),
        Prefill.FromCertificate => ("电子证照", "Certificate"),
        Prefill.Computed => ("系统计算", "Computed"),
        _ => ("本人填写", "Typed by you"),
    };

    public sealed record Field(string Key, string Label, string Type, bool Required, IReadOnlyList<string>? Options, string? Help, string? DataElement,
        string? VisibleWhen, bool Computed, int? MaxLength, decimal? Min, decimal? Max, JsonNode? Value, string? Masked, string Source,
        string SourceName, string SourceNameEn);

    // Wallet, for a certificate material: "held" (a valid one is in the applicant's wallet), "unusable" (only an expired,
    // suspended or revoked one: upload instead) or "not_held" (the handling unit verifies with the issuer).
    public sealed record Material(string Key, string Name, string Source, string? SourceCode, bool Required, string? Note, string Provided,
        bool NeedsConsent, bool NeedsUpload, string? Wallet = null, string? WalletNote = null, string? LicenceId = null, DateOnly? ValidUntil = null);

    public sealed record LibraryItem(Guid Id, string Name, string? MaterialName, string ContentType, long Size, DateTimeOffset? ValidUntil);

    public sealed record Response(string Kind, string Code, string Name, string DivisionCode, int PromisedLimitDays, IReadOnlyList<string> Members,
        IReadOnlyList<Field> Fields, IReadOnlyList<Material> Materials, IReadOnlyList<LibraryItem> Library, int FieldsPrefilled, int MaterialsExempted);

    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/application-form", async (string? matterCode, string? bundleCode, HttpContext ctx,
            ActorAccessor actors, CasesDbContext db, ICaseCatalog catalog, IPersonDirectory people, ICertificateWallet wallet, IAuditWriter audit, TimeProvider clock) =>
            Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), matterCode, bundleCode, db, catalog, people, wallet, audit, clock, ctx.RequestAborted)))
        .RequirePermission(CasesPermissions.Apply)
        .WithName("GetApplicationForm").WithSummary("申请表单（含预填与材料来源）/ Application form with prefill and material sources").Produces<Response>()
        .ProducesValidationProblem();

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string? matterCode, string? bundleCode, CasesDbContext db, ICaseCatalog catalog,
        IPersonDirectory people, ICertificateWallet certificates, IAuditWriter audit, TimeProvider clock, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<Response>();
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is not null || actor.Kind is not (ActorKind.Citizen or ActorKind.EnterpriseAgent))
            return Outcomes.Denied<Response>(new Error("cases.applicant_only", "请以个人或企业身份登录后申请", "Sign in as a citizen or enterprise agent to apply"));
        if (string.IsNullOrWhiteSpace(matterCode) == string.IsNullOrWhiteSpace(bundleCode))
            return Outcomes.Invalid<Response>("cases.target", "请指定一个事项编码或一件事编码（二者择一）", "Give either matterCode or bundleCode", "matterCode");
        var profile = actor.Kind == ActorKind.Citizen ? await people.FindAsync(actor.SubjectId, ct) : null;
        var division = actor.Kind == ActorKind.EnterpriseAgent && actor.EnterpriseCreditCode is { } cc && CreditCode.Parse(cc) is { IsSuccess: true } code
            ? code.Value.RegionCode : profile?.DivisionCode;
        if (division is null)
            return Outcomes.Invalid<Response>("applicant.division_missing", "您的账户没有登记所在行政区划，无法确定受理地", "Your account has no division of residence", "divisionCode");

        string kind, targetCode, name;
        int limit;
        IReadOnlyList<CaseField> fields;
        IReadOnlyList<CaseMaterial> materials;
        IReadOnlyList<string> members = [];
        if (bundleCode is { Length: > 0 })
        {
            var bundle = await catalog.FindBundleAsync(bundleCode.Trim(), division, ct);
            if (bundle is null)
                return Outcomes.Invalid<Response>("bundle.not_offered", $"一件事 {bundleCode} 在您所在地区（{division}）未开通办理", $"Bundle {bundleCode} is not offered in your division {division}", "bundleCode");
            (kind, targetCode, name, limit, fields, materials) = ("bundle", bundle.Code, bundle.Name, bundle.PromisedLimitDays, bundle.Fields, bundle.Materials);
            members = [.. bundle.Members.Select(m => m.Matter.Name)];
        }
        else
        {
            var matter = await catalog.FindMatterAsync(matterCode!.Trim(), division, ct);
            if (matter is null)
                return Outcomes.Invalid<Response>("matter.not_offered", $"事项 {matterCode} 在您所在地区（{division}）未开通办理", $"Matter {matterCode} is not offered in your division {division}", "matterCode");
            (kind, targetCode, name, limit, fields, materials) = ("matter", matter.BasicCode, matter.Name, matter.PromisedLimitDays, matter.Fields, matter.Materials);
        }

        var wallet = await ApplicantWallet.ReadAsync(certificates, actor, profile, materials, ct);
        var (values, sources) = Prefill.For(fields, profile, actor.EnterpriseCreditCode, null, wallet);
        var list = fields.Select(f =>
        {
            var source = sources.GetValueOrDefault(f.Key, Prefill.FromApplicant);
            var value = values[f.Key];
            var sensitive = f.Type is CaseFieldType.IdNumber or CaseFieldType.Phone && source == Prefill.FromAccount;
            var masked = !sensitive ? null : f.Type == CaseFieldType.IdNumber ? Mask.IdNumber((string?)value) : Mask.Phone((string?)value);
            var (zh, en) = SourceName(source);
            return new Field(f.Key, f.Label, f.Type.ToString(), f.Required, f.Options, f.Help, f.DataElement, f.VisibleWhen, f.Computed is not null,
                f.MaxLength, f.Min, f.Max, sensitive ? null : value?.DeepClone(), masked, source, zh, en);
        }).ToList();
        var now = clock.GetUtcNow();
        var files = await db.Files.AsNoTracking().Where(f => f.OwnerId == actor.SubjectId).OrderByDescending(f => f.UploadedAt)
            .Select(f => new { f.Id, f.Name, f.MaterialName, f.ContentType, f.Size, f.ValidUntil }).Take(200).ToListAsync(ct);
        var library = files.Where(f => f.ValidUntil is null || f.ValidUntil >= now)
            .Select(f => new LibraryItem(f.Id, f.Name, f.MaterialName, f.ContentType, f.Size, f.ValidUntil)).ToList();
        var needed = materials.Select(m => ToMaterial(m, wallet)).ToList();
        if (profile is not null || wallet.Valid.Count + wallet.Unusable.Count > 0)
            await audit.WriteAsync(new AuditEvent("cases.application_form.prefilled", kind, targetCode, "success", actor,
                new
                {
                    fields = sources.Count(s => s.Value == Prefill.FromAccount),
                    fromCertificates = sources.Count(s => s.Value == Prefill.FromCertificate),
                    certificatesRead = wallet.Valid.Values.Select(c => c.Certificate.LicenceId).ToList(),
                }, TraceId: Activity.Current?.TraceId.ToString()), ct);
        return new Response(kind, targetCode, name, division, limit, members, list, needed, library,
            sources.Count(s => s.Value is Prefill.FromAccount or Prefill.FromOffer or Prefill.FromCertificate), needed.Count(m => !m.NeedsUpload));
    }

    private static Material ToMaterial(CaseMaterial m, ApplicantWallet wallet)
    {
        var fetched = m.Source is CaseMaterialSource.Certificate or CaseMaterialSource.SharedData;
        var material = new Material(m.Key, m.Name, m.Source.ToString(), m.SourceCode, m.Required, m.Note, MaterialCheck.ProvidedZh(m.Source),
            fetched, m.Source == CaseMaterialSource.Upload);
        if (m.Source != CaseMaterialSource.Certificate || m.SourceCode is not { } type) return material;
        if (wallet.Valid.TryGetValue(type, out var held))
            return material with
            {
                Wallet = "held", LicenceId = held.Certificate.LicenceId, ValidUntil = held.Certificate.ValidUntil,
                WalletNote = $"已在您的证照夹找到《{held.Certificate.TypeName}》（{held.Certificate.IssuerName}颁发" +
                    (held.Certificate.ValidUntil is { } until ? $"，有效期至 {until:yyyy-MM-dd}）" : "，长期有效）"),
            };
        if (wallet.Unusable.TryGetValue(type, out var bad))
            return material with
            {
                Wallet = "unusable", NeedsUpload = true, LicenceId = bad.LicenceId, ValidUntil = bad.ValidUntil,
                WalletNote = $"您的《{bad.TypeName}》电子证照{ApplicantWallet.StatusZh(bad.Status)}，不能免提交，请上传有效的材料",
            };
        return material with { Wallet = "not_held", WalletNote = "您的证照夹中没有该证照，提交后由受理部门向颁证部门核验" };
    }
}
