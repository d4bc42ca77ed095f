using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Cases.Catalog;
using Qilu.Cases.Contracts;
using Qilu.Cases.Data;
using Qilu.Cases.Forms;
using Qilu.Cases.Handling;
using Qilu.Cases.Reading;
using Qilu.Cases.Workflow;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Contracts;

namespace Qilu.Cases.Applications;

/// <summary>
/// POST /api/cases: apply for a matter (<c>matterCode</c>) or a 一件事 bundle (<c>bundleCode</c>) in the applicant's
/// division. The form is validated field by field, materials are checked (uploads from the library, certificates and
/// shared data with consent), the responsible unit is found per matter, and one workflow instance starts per matter
/// (a bundle fans out to one sub-case per applicable member). An <c>Idempotency-Key</c> header makes a repeated
/// submission return the same case.
/// </summary>
internal static class ApplyForCase
{
    public sealed record Request(string? MatterCode, string? BundleCode, JsonObject? Form, IReadOnlyList<MaterialCheck.Item>? Materials, bool Consent);

    public sealed record Dependencies(CasesDbContext Db, ICaseCatalog Catalog, IPersonDirectory People, IOrganisationDirectory Organisation,
        CaseDefinitions Definitions, CaseLifecycle Lifecycle, TimeProvider Clock, ICertificateWallet Wallet)
    {
        /// <summary>The dependencies from a request scope (pages call the use case with these).</summary>
        public static Dependencies From(IServiceProvider sp) => new(sp.GetRequiredService<CasesDbContext>(), sp.GetRequiredService<ICaseCatalog>(),
            sp.GetRequiredService<IPersonDirectory>(), sp.GetRequiredService<IOrganisationDirectory>(), sp.GetRequiredService<CaseDefinitions>(),
            sp.GetRequiredService<CaseLifecycle>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ICertificateWallet>());
    }

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/", EndpointAsync)
        .RequirePermission(CasesPermissions.Apply)
        .WithName("ApplyForCase").WithSummary("申请办理事项或一件事 / Apply for a matter or bundle")
        .Produces<GetCase.Detail>(StatusCodes.Status201Created).ProducesValidationProblem();

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        CasesDbContext db, ICaseCatalog catalog, IPersonDirectory people, IOrganisationDirectory organisation, CaseDefinitions definitions,
        CaseLifecycle lifecycle, TimeProvider clock, ICertificateWallet wallet)
    {
        var actor = actors.FromContext(ctx);
        var result = await HandleAsync(actor, request, idempotencyKey, new(db, catalog, people, organisation, definitions, lifecycle, clock, wallet), ctx.RequestAborted);
        if (!result.IsSuccess) return Problems.From(result);
        var detail = await GetCase.HandleAsync(actor, result.Value.Case.Id, db, ctx.RequestServices.GetRequiredService<Qilu.Workflow.Contracts.IWorkflowEngine>(), clock, ctx.RequestAborted);
        return result.Value.Existing ? Results.Ok(detail.Value) : Results.Created($"/api/cases/{result.Value.Case.Id}", detail.Value);
    }

    /// <summary>The use case, for the endpoint and the portal page alike.</summary>
    internal static Task<Result<(Case Case, bool Existing)>> HandleAsync(Actor actor, Request request, string? idempotencyKey, Dependencies d, CancellationToken ct) =>
        HandleAsync(actor, request, idempotencyKey, d, null, ct);

    /// <summary>The use case with values a confirmed proactive offer prefills (source <c>offer</c>); never taken from the request body.</summary>
    internal static async Task<Result<(Case Case, bool Existing)>> HandleAsync(Actor actor, Request request, string? idempotencyKey, Dependencies d,
        JsonObject? offered, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<(Case, bool)>();
        if (Outcomes.Lacks(actor, CasesPermissions.Apply) is { } denied || actor.Kind is not (ActorKind.Citizen or ActorKind.EnterpriseAgent))
            return Outcomes.Denied<(Case, bool)>(new Error("cases.applicant_only", "请以个人或企业身份登录后申请", "Sign in as a citizen or enterprise agent to apply"));
        if (idempotencyKey is { Length: > 100 })
            return Outcomes.Invalid<(Case, bool)>("idempotency_key.length", "Idempotency-Key 不能超过100个字符", "Idempotency-Key must be at most 100 characters", "Idempotency-Key");
        if (idempotencyKey is not null && await d.Db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.ApplicantId == actor.SubjectId && c.IdempotencyKey == idempotencyKey, ct) is { } earlier)
            return await ResumeAsync(earlier, actor, d, ct);

        var v = new Validation();
        v.Rule(string.IsNullOrWhiteSpace(request.MatterCode) != string.IsNullOrWhiteSpace(request.BundleCode), "matterCode", "cases.target",
            "请指定一个事项编码或一件事编码（二者择一）", "Give either matterCode or bundleCode");
        if (!v.IsValid) return v.Invalid<(Case, bool)>();
        var profile = actor.Kind == ActorKind.Citizen ? await d.People.FindAsync(actor.SubjectId, ct) : null;
        var division = actor.Kind == ActorKind.EnterpriseAgent && actor.EnterpriseCreditCode is { } cc && CreditCode.Parse(cc) is { IsSuccess: true } code
            ? code.Value.RegionCode : profile?.DivisionCode;
        if (division is null)
            return Outcomes.Invalid<(Case, bool)>("applicant.division_missing", "您的账户没有登记所在行政区划，无法确定受理地", "Your account has no division of residence", "divisionCode");

        return request.BundleCode is { } bundleCode
            ? await ApplyForBundleAsync(actor, request, bundleCode.Trim(), division, profile, idempotencyKey, d, offered, ct)
            : await ApplyForMatterAsync(actor, request, request.MatterCode!.Trim(), division, profile, idempotencyKey, d, ct);
    }

    private static async Task<Result<(Case, bool)>> ApplyForMatterAsync(Actor actor, Request request, string matterCode, string division, PersonProfile? profile,
        string? idempotencyKey, Dependencies d, CancellationToken ct)
    {
        var matter = await d.Catalog.FindMatterAsync(matterCode, division, ct);
        if (matter is null)
            return Outcomes.Invalid<(Case, bool)>("matter.not_offered", $"事项 {matterCode} 在您所在地区（{division}）未开通办理", $"Matter {matterCode} is not offered in your division {division}", "matterCode");
        var wallet = await ApplicantWallet.ReadAsync(d.Wallet, actor, profile, matter.Materials, ct);
        var (prefilled, prefillSources) = Prefill.For(matter.Fields, profile, actor.EnterpriseCreditCode, null, wallet);
        var form = FormValidator.Validate(matter.Fields, WithPrefill(prefilled, request.Form), d.Clock);
        var now = d.Clock.GetUtcNow();
        var materials = await MaterialCheck.CheckAsync(matter.Materials, request.Materials, request.Consent, actor.SubjectId, d.Db, now, ct, wallet);
        var errors = form.Errors.Concat(materials.Errors).ToList();
        var unit = await RouteAsync(matter, form.Values, division, d, ct);
        if (unit is null && errors.Count == 0)
            errors.Add(new Error("unit.not_found", $"未找到 {division} 的“{matter.UnitKind}”类承办部门", $"No responsible unit of kind {matter.UnitKind} for {division}", "matterCode"));
        if (errors.Count > 0) return Outcomes.Invalid<(Case, bool)>(errors);
        var deployed = await d.Definitions.EnsureAsync(matter.WorkflowKey, matter.Name, matter.PromisedLimitDays, ct);
        if (!deployed.IsSuccess) return Result<(Case, bool)>.Failure(deployed.Errors, deployed.Kind);

        var sources = Prefill.Sources(matter.Fields, form.Values, prefilled, prefillSources, wallet);
        var c = NewCase(CaseKind.Matter, null, matter, null, matter.Name, division, actor, unit!, form.Values, materials, sources, request.Consent,
            matter.Fields.Count, CountPrefilled(sources), matter.Materials.Count, idempotencyKey, now);
        d.Db.Cases.Add(c);
        if (await SaveNewAsync(d.Db, actor, idempotencyKey, ct) is { } existing) return await ResumeAsync(existing, actor, d, ct);
        await d.Lifecycle.RecordAsync(c, "submitted", "申请", actor, $"申请办理“{matter.Name}”", ct);
        var started = await d.Lifecycle.StartAsync(c, form.Values, actor, ct);
        return started.IsSuccess ? (c, false) : Result<(Case, bool)>.Failure(started.Errors, started.Kind);
    }

    private static async Task<Result<(Case, bool)>> ApplyForBundleAsync(Actor actor, Request request, string bundleCode, string division, PersonProfile? profile,
        string? idempotencyKey, Dependencies d, JsonObject? offered, CancellationToken ct)
    {
        var bundle = await d.Catalog.FindBundleAsync(bundleCode, division, ct);
        if (bundle is null)
            return Outcomes.Invalid<(Case, bool)>("bundle.not_offered", $"一件事 {bundleCode} 在您所在地区（{division}）未开通办理", $"Bundle {bundleCode} is not offered in your division {division}", "bundleCode");
        var wallet = await ApplicantWallet.ReadAsync(d.Wallet, actor, profile, bundle.Materials, ct);
        var (prefilled, prefillSources) = Prefill.For(bundle.Fields, profile, actor.EnterpriseCreditCode, offered, wallet);
        var form = FormValidator.Validate(bundle.Fields, WithPrefill(prefilled, request.Form), d.Clock);
        var now = d.Clock.GetUtcNow();
        var materials = await MaterialCheck.CheckAsync(bundle.Materials, request.Materials, request.Consent, actor.SubjectId, d.Db, now, ct, wallet);
        var errors = form.Errors.Concat(materials.Errors).ToList();
        var members = bundle.Members.Where(m => CaseRules.IsTrue(m.AppliesWhen, form.Values)).ToList();
        if (members.Count == 0 && errors.Count == 0)
            errors.Add(new Error("bundle.no_member", "按您填写的情况，本一件事没有需要办理的事项", "No member matter applies to your answers", "form"));
        var routed = new List<(CaseBundleMember Member, UnitInfo Unit, JsonObject Form)>();
        foreach (var m in members)
        {
            var memberForm = new JsonObject();
            foreach (var (own, merged) in m.FieldKeys)
                if (form.Values[merged] is { } value) memberForm[own] = value.DeepClone();
            var unit = await RouteAsync(m.Matter, memberForm, division, d, ct);
            if (unit is null)
                errors.Add(new Error("unit.not_found", $"未找到“{m.Matter.Name}”在 {division} 的承办部门", $"No responsible unit for {m.Matter.Name} in {division}", "bundleCode"));
            else routed.Add((m, unit, memberForm));
        }
        if (errors.Count > 0) return Outcomes.Invalid<(Case, bool)>(errors);
        foreach (var (m, _, _) in routed)
        {
            var deployed = await d.Definitions.EnsureAsync(m.Matter.WorkflowKey, m.Matter.Name, m.Matter.PromisedLimitDays, ct);
            if (!deployed.IsSuccess) return Result<(Case, bool)>.Failure(deployed.Errors, deployed.Kind);
        }
        var coordinator = await d.Organisation.FindResponsibleUnitAsync(bundle.CoordinatorUnitKind, division, ct) ?? routed[0].Unit;
        var sources = Prefill.Sources(bundle.Fields, form.Values, prefilled, prefillSources, wallet);
        var parent = NewCase(CaseKind.Bundle, null, null, bundle.Code, bundle.Name, division, actor, coordinator, form.Values, materials, sources, request.Consent,
            bundle.Fields.Count, CountPrefilled(sources), bundle.Materials.Count, idempotencyKey, now);
        d.Db.Cases.Add(parent);
        var children = new List<(Case Case, JsonObject Form)>();
        var index = 0;
        foreach (var (m, unit, memberForm) in routed)
        {
            var memberMaterials = new JsonArray([.. materials.Materials.Where(x => m.MaterialKeys.Values.Contains((string?)x?["key"])).Select(x => x!.DeepClone())]);
            var childSources = new JsonObject();
            foreach (var (own, merged) in m.FieldKeys)
                if (sources["fields"]?[merged] is { } source) childSources[own] = source.DeepClone();
            var child = NewCase(CaseKind.Member, parent, m.Matter, bundle.Code, m.Matter.Name, division, actor, unit, memberForm,
                new MaterialCheck.Outcome(memberMaterials, 0, []), new JsonObject { ["fields"] = childSources }, request.Consent, 0, 0, 0, null, now, ++index);
            d.Db.Cases.Add(child);
            children.Add((child, memberForm));
        }
        if (await SaveNewAsync(d.Db, actor, idempotencyKey, ct) is { } existing) return await ResumeAsync(existing, actor, d, ct);
        await d.Lifecycle.RecordAsync(parent, "submitted", "申请", actor, $"申请办理“{bundle.Name}”，分送 {children.Count} 个部门并联办理", ct);
        foreach (var (child, memberForm) in children)
        {
            await d.Lifecycle.RecordAsync(child, "submitted", "申请", actor, $"由“{bundle.Name}”分送至{child.UnitName}", ct);
            var started = await d.Lifecycle.StartAsync(child, memberForm, actor, ct);
            if (!started.IsSuccess) return Result<(Case, bool)>.Failure(started.Errors, started.Kind);
        }
        await d.Lifecycle.JoinParentAsync(parent.Id, ct);
        return (parent, false);
    }

    /// <summary>The responsible unit: the routing rule's department kind (default the matter's) at the applicant's division.</summary>
    private static async Task<UnitInfo?> RouteAsync(CaseMatter matter, JsonObject form, string division, Dependencies d, CancellationToken ct)
    {
        var kind = matter.UnitKind;
        if (matter.RoutingRule is { } rule && CaseRules.Evaluate(rule, new JsonObject { ["form"] = form.DeepClone(), ["applicant"] = new JsonObject { ["division"] = division } })
            is JsonValue value && value.TryGetValue<string>(out var routed) && !string.IsNullOrWhiteSpace(routed))
            kind = routed;
        return await d.Organisation.FindResponsibleUnitAsync(kind, division, ct);
    }

    /// <summary>The applicant's answers over the prefilled values: a field left out keeps what the account gave (免填).</summary>
    private static JsonObject WithPrefill(JsonObject prefilled, JsonObject? answers)
    {
        var merged = (JsonObject)prefilled.DeepClone();
        foreach (var (k, v) in answers ?? [])
            if (v is not null) merged[k] = v.DeepClone();
        return merged;
    }

    private static int CountPrefilled(JsonObject sources) =>
        (sources["fields"] as JsonObject)?.Count(p => (string?)p.Value?["source"] is Prefill.FromAccount or Prefill.FromOffer or Prefill.FromCertificate) ?? 0;

    private static Case NewCase(CaseKind kind, Case? parent, CaseMatter? matter, string? bundleCode, string title, string division, Actor actor, UnitInfo unit,
        JsonObject form, MaterialCheck.Outcome materials, JsonObject sources, bool consent, int fieldsTotal, int fieldsPrefilled, int materialsTotal,
        string? idempotencyKey, DateTimeOffset now, int index = 0)
    {
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var number = parent is null
            ? string.Create(CultureInfo.InvariantCulture, $"{division}-{now.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{parent.Number}-{index:00}");
        return new Case
        {
            Number = number, Kind = kind, ParentId = parent?.Id, MatterCode = matter?.BasicCode, Title = title, BundleCode = bundleCode,
            DivisionCode = division, ApplicantId = actor.SubjectId, ApplicantName = actor.DisplayName.Length > 64 ? actor.DisplayName[..64] : actor.DisplayName,
            UnitId = unit.Id, UnitName = unit.Name, UnitKind = unit.Kind, UnitDivision = unit.DivisionCode, UnitCreditCode = unit.CreditCode,
            Status = CaseStatus.Submitted, WorkflowKey = matter?.WorkflowKey, FormJson = form.ToJsonString(), MaterialsJson = materials.Materials.ToJsonString(),
            SourcesJson = sources.ToJsonString(), ConsentGiven = consent, FieldsTotal = fieldsTotal, FieldsPrefilled = fieldsPrefilled,
            MaterialsTotal = materialsTotal, MaterialsExempted = materials.Exempted, SubmittedAt = now, IdempotencyKey = idempotencyKey,
            LicenceType = matter is null ? null : ResultCertificates.For(matter)?.TypeCode,
        };
    }

    /// <summary>Saves new cases; on a lost idempotency race returns the case the other request created.</summary>
    private static async Task<Case?> SaveNewAsync(CasesDbContext db, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            db.ChangeTracker.Clear();
            return await db.Cases.AsNoTracking().SingleAsync(c => c.ApplicantId == actor.SubjectId && c.IdempotencyKey == idempotencyKey, ct);
        }
    }

    /// <summary>
    /// A repeated submission: the case already exists. Any of its workflows that did not start (a crash between the
    /// two commits) starts now, idempotently, so nothing acknowledged is lost.
    /// </summary>
    private static async Task<Result<(Case, bool)>> ResumeAsync(Case existing, Actor actor, Dependencies d, CancellationToken ct)
    {
        var pending = existing.Kind == CaseKind.Bundle
            ? await d.Db.Cases.AsNoTracking().Where(c => c.ParentId == existing.Id && c.InstanceId == null).ToListAsync(ct)
            : existing.InstanceId is null ? [existing] : [];
        foreach (var c in pending)
        {
            var started = await d.Lifecycle.StartAsync(c, JsonNode.Parse(c.FormJson) as JsonObject ?? [], actor, ct);
            if (!started.IsSuccess) return Result<(Case, bool)>.Failure(started.Errors, started.Kind);
        }
        if (existing.Kind == CaseKind.Bundle && pending.Count > 0) await d.Lifecycle.JoinParentAsync(existing.Id, ct);
        return (existing, true);
    }
}
