using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Catalog.Contracts;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Events;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;
using Qilu.SharedKernel.Time;
using Qilu.Sharing.Applications;
using Qilu.Sharing.Contracts;
using Qilu.Sharing.Gateway;
using Qilu.Sharing.Grants;
using Qilu.Sharing.Needs;

namespace Qilu.Sharing.Seed;

/// <summary>
/// Demo sharing (after the catalog's demo resources, Order 350, and open data, Order 400): 历下区 departments apply for
/// 历下区民政局's 最低生活保障对象信息 (the table Catalog mounts with 20 residents) and the applications sit at every
/// stage — granted (with gateway calls made through the real pipeline, so metering, quota and audit are genuine), at
/// the provider's approval (lx.official's inbox, then lx.leader's: the table is graded L4), at conformity review (jn.official's inbox) and refused — two
/// supply–demand needs are posted, one answered with a plan, and 济南市's 社会组织登记信息 is granted for 数据直达基层. Everything goes through the use cases, acting as seed
/// officials of the right units. <c>Qilu:Sharing:DemoData=false</c> leaves Sharing empty for suites.
/// </summary>
internal sealed class SharingDemoSeeder : IDemoSeeder
{
    private const string EntryName = "最低生活保障对象信息";
    private const string Division = "370102";
    private const string GrassrootsEntryName = "社会组织登记信息";

    public int Order => 450;

    public string Name => DemoSeederNames.Sharing;

    /// <summary>
    /// Applies for the demo 低保 table (Catalog) as Identity's units. Not after open data: it reads nothing OpenData
    /// writes, and the outbox dispatch both call first is serialised by the dispatcher's own gate.
    /// </summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince, DemoSeederNames.CatalogEntries, DemoSeederNames.CatalogResources];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue("Qilu:Sharing:DemoData", true) is false) return [];
        foreach (var dispatcher in services.GetServices<IOutboxDispatcher>()) await dispatcher.DispatchPendingAsync(ct);
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var s = sp.GetRequiredService<SharingServices>();
        var rows = sp.GetService<IResourceRows>();
        if (rows is null || await s.Db.Applications.AnyAsync(ct) || await s.Db.Needs.AnyAsync(ct)) return [];
        var units = s.Directory;
        var provider = await units.FindResponsibleUnitAsync("civil_affairs", Division, ct);
        var bureau = await units.FindResponsibleUnitAsync("bigdata", "370100", ct);
        var health = await units.FindResponsibleUnitAsync("health", Division, ct);
        var hrss = await units.FindResponsibleUnitAsync("hrss", Division, ct);
        var yibao = await units.FindResponsibleUnitAsync("medical_insurance", Division, ct);
        var police = await units.FindResponsibleUnitAsync("public_security", Division, ct);
        if (provider is null || bureau is null || health is null || hrss is null || yibao is null || police is null) return [];
        var entry = (await s.Catalog.ListPublishedEntriesAsync(provider.Id, ct)).FirstOrDefault(e => e.Name == EntryName);
        if (entry is null) return [];
        var resource = (await rows.ListResourcesAsync(entry.Id, ct)).FirstOrDefault(r => r.Kind == ResourceKind.Table && r.KeyField is not null);
        if (resource is null) return [];

        var reviewer = Official("demo-seed-review", "演示·审核员", bureau, SharingPermissions.ApplicationsReview);
        var approver1 = Official("demo-seed-approve-1", "演示·科室负责人", provider, SharingPermissions.ApplicationsApprove, SharingPermissions.NeedsAnswer);
        var approver2 = Official("demo-seed-approve-2", "演示·分管领导", provider, SharingPermissions.ApplicationsApprove);
        var today = WorkingCalendar.ChinaDate(s.Clock.GetUtcNow());
        var fields = entry.Items.Select(i => i.Name).ToArray();

        // Granted: 历下区卫生健康局 checks 低保 status for the 出生一件事 fee waiver.
        var granted = await Apply(Official("demo-seed-health", "陈卫健", health, SharingPermissions.ApplicationsApply), "新生儿医疗费用减免资格核对",
            "《社会救助暂行办法》第六十条", "出生一件事：核对新生儿家庭是否为最低生活保障对象", fields);
        granted = Ok(await ApproveApplication.HandleAsync(reviewer, granted.Id, new(granted.Version, "用途明确，符合共享条件", null), s, ct));
        granted = Ok(await ApproveApplication.HandleAsync(approver1, granted.Id, new(granted.Version, "同意", null), s, ct));
        granted = Ok(await ApproveApplication.HandleAsync(approver2, granted.Id, new(granted.Version, "同意，按最小必要原则脱敏",
            new GrantTerms(DailyQuota: 500, TotalQuota: 20_000, RatePerSecond: 50)), s, ct));

        // At the provider's first level (lx.official can decide it, then lx.leader the second), after conformity review.
        var atProvider = await Apply(Official("demo-seed-hrss", "蒋人社", hrss, SharingPermissions.ApplicationsApply), "城乡居民养老保险代缴资格核对",
            "《城乡居民基本养老保险经办规程》第二十条", "为低保对象代缴城乡居民养老保险最低档次保费", ["公民身份号码", "姓名"]);
        Ok(await ApproveApplication.HandleAsync(reviewer, atProvider.Id, new(atProvider.Version, "依据充分", null), s, ct));

        // At conformity review (jn.official's inbox).
        await Apply(Official("demo-seed-yibao", "卫医保", yibao, SharingPermissions.ApplicationsApply), "医疗救助对象身份认定",
            "《医疗保障基金使用监督管理条例》第十五条", "低保对象参加城乡居民医保的个人缴费资助", ["公民身份号码", "姓名"]);

        // Refused at conformity: the purpose does not need the address.
        var refused = await Apply(Official("demo-seed-police", "褚公安", police, SharingPermissions.ApplicationsApply), "辖区人口情况摸排",
            "《中华人民共和国人民警察法》第六条", "掌握辖区困难群众居住情况", fields);
        Ok(await RefuseApplication.HandleAsync(reviewer, refused.Id, new(refused.Version, "用途过于宽泛，不符合最小必要原则，请明确具体事项后重新申请"), s, ct));

        if (granted.GrantId is { } grantId) await CallGatewayAsync(sp, grantId, health, resource.ResourceId, resource.KeyField!, ct);

        await PostNeed.HandleAsync(Official("demo-seed-health", "陈卫健", health, SharingPermissions.NeedsPost),
            new("特困供养人员信息", "家庭医生签约服务需对特困供养人员免收签约费，目前需群众自行提交证明", ["公民身份号码", "姓名", "供养方式"], "civil_affairs"), s, ct);
        var need = Ok(await PostNeed.HandleAsync(Official("demo-seed-hrss", "蒋人社", hrss, SharingPermissions.NeedsPost),
            new("残疾人两项补贴发放信息", "就业援助对象认定需核对困难残疾人生活补贴领取情况", ["公民身份号码", "姓名", "补贴类别", "发放月份"], "civil_affairs"), s, ct));
        await AnswerNeed.HandleAsync(approver1, need.Id, new(need.Version, "plan", "拟于下季度编目并挂接残疾人两项补贴库表", null, today.AddDays(60)), s, ct);
        await GrassrootsGrantAsync(s, rows, bureau, today, ct);
        return [];

        async Task<ApplicationView> Apply(Actor actor, string purpose, string basis, string scenario, string[] asked) =>
            Ok(await ApplyForResource.HandleAsync(actor, new(entry.Id, purpose, basis, scenario, asked, 300, today, today.AddYears(1), null), s, ct));
    }

    /// <summary>
    /// 数据直达基层: 济南市大数据局 obtains 济南市民政局's 社会组织登记信息 (无条件共享, so granted at once; its table's rows carry
    /// their district in 住所所在行政区划) for grassroots use, so every official of a 济南 district — 吴历下 (<c>lx.official</c>)
    /// among them — reads the organisations of their own district on 本辖区数据 without applying. An unconditional grant has
    /// no approver to set its terms and no use case changes an issued grant's terms yet, so the seeder sets them as the
    /// bureau's last approver would in the inbox: grassroots use, 法定代表人 partly masked, 业务范围 withheld (only ever
    /// stricter than the grades require). The context's save bumps the grant's version and announces the change.
    /// </summary>
    private static async Task GrassrootsGrantAsync(SharingServices s, IResourceRows rows, UnitInfo bureau, DateOnly today, CancellationToken ct)
    {
        var provider = await s.Directory.FindResponsibleUnitAsync("civil_affairs", "370100", ct);
        if (provider is null) return;
        var entry = (await s.Catalog.ListPublishedEntriesAsync(provider.Id, ct)).FirstOrDefault(e => e.Name == GrassrootsEntryName);
        if (entry is null || !(await rows.ListResourcesAsync(entry.Id, ct)).Any(r => r.Kind == ResourceKind.Table && r.DivisionField is not null)) return;
        var applicant = Official("demo-seed-jn-bigdata", "演示·基层数据专员", bureau, SharingPermissions.ApplicationsApply);
        var app = Ok(await ApplyForResource.HandleAsync(applicant, new(entry.Id, "社会组织服务与监管数据直达基层", "《社会团体登记管理条例》第二十四条",
            "区县、街道掌握辖区内登记的社会组织，开展日常服务、年检提醒与执法协查", [.. entry.Items.Select(i => i.Name)], 2000, today, today.AddYears(1), null), s, ct));
        if (app.GrantId is not { } grantId) return;
        var grant = await s.Db.Grants.SingleAsync(g => g.Id == grantId, ct);
        var masking = grant.MaskingRules.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        foreach (var (field, rule) in new[] { ("法定代表人", MaskingRule.Partial), ("业务范围", MaskingRule.Redact) })
            if (masking.TryGetValue(field, out var floor) && !FieldMasking.IsAtLeast(floor, rule)) masking[field] = rule;
        grant.Masking = Grant.FormatMasking(masking);
        s.Db.Entry(grant).Property(g => g.Grassroots).CurrentValue = true;
        await s.Db.SaveChangesAsync(ct);
    }

    /// <summary>Calls by 历下区卫生健康局's system through the gateway pipeline: hits, a miss and a malformed key.</summary>
    private static async Task CallGatewayAsync(IServiceProvider sp, Guid grantId, UnitInfo consumer, Guid resourceId, string keyField, CancellationToken ct)
    {
        var people = await sp.GetRequiredService<IResourceRows>().QueryAsync(resourceId, new RowQuery([keyField], [], null, 8, 0, false), ct);
        var keys = people.Rows.Select(r => r.Key).Append("370102199001011234").Append("not-an-id").ToList();
        var identity = new ClaimsIdentity(
        [
            new Claim(QiluClaims.ActorKind, "system_client"), new Claim(QiluClaims.Subject, "lx-health-his"), new Claim(QiluClaims.Name, "历下区卫健信息系统"),
            new Claim(QiluClaims.Unit, consumer.Id.ToString()), new Claim(QiluClaims.Division, consumer.DivisionCode), new Claim("oi_scp", GatewayProtocol.Scope),
        ], "demo-seed");
        foreach (var key in keys)
        {
            using var call = sp.CreateScope();
            var ctx = new DefaultHttpContext { RequestServices = call.ServiceProvider, User = new ClaimsPrincipal(identity) };
            ctx.Request.Method = HttpMethods.Get;
            ctx.Request.Path = $"/api/sharing/gateway/{grantId}/resources/{resourceId}/keys/{key}";
            var pipeline = call.ServiceProvider.GetRequiredService<GatewayPipeline>();
            await pipeline.RunAsync(ctx, grantId, "key", false, (r, c) => QueryByKey.HandleAsync(r, resourceId, key, null, call.ServiceProvider, c));
        }
    }

    private static Actor Official(string subject, string name, UnitInfo unit, params string[] permissions) =>
        new(ActorKind.Official, subject, name, unit.DivisionCode, unit.Id, new HashSet<string> { WellKnownRoles.Official },
            new HashSet<string>(permissions), RealNameLevel.InPerson);

    private static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value
        : throw new InvalidOperationException($"Sharing demo data does not pass the use case: {string.Join("; ", result.Errors)}");
}
