using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Dispatch;
using Qilu.Hotline.Handling;
using Qilu.Hotline.Knowledge;
using Qilu.Hotline.Open311;
using Qilu.Hotline.Tickets;
using Qilu.Identity.Contracts;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Seed;

/// <summary>
/// Demo data for the 12345 hotline on top of Identity's demo province (Order 100): an Open311 key for a client system,
/// a handful of 济南 tickets at different steps, recorded and moved through the same use cases people use, and the 济南
/// centre's knowledge base (<see cref="KnowledgeSeed"/>: 19 published articles and one draft).
/// </summary>
internal sealed class HotlineDemoSeeder : IDemoSeeder
{
    public int Order => 170;

    public string Name => DemoSeederNames.Hotline;

    /// <summary>The 济南 centre and the handling units (Identity demo); article matter codes are only checked for form.</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince];

    private static readonly (string Content, string Division, string Address, string Category, string Urgency, int Step)[] Samples =
    [
        ("历下区泉城路步行街东口每天晚上有流动摊贩占道经营，油烟很大，行人通行困难，希望城管部门管一管。", "370102", "泉城路步行街东口", "010101", "normal", 0),
        ("解放路与历山路路口的路灯已经坏了一周，晚上很黑，存在安全隐患。", "370102", "解放路与历山路路口", "010302", "urgent", 1),
        ("文化东路某工地夜间十一点以后还在施工，噪音扰民，严重影响休息。", "370102", "文化东路88号附近工地", "010201", "normal", 2),
        ("小区门口的垃圾桶三天没人清运了，气味很大。", "370102", "燕子山路12号小区门口", "010102", "normal", 2),
        ("某培训机构收了一年的学费后关门，老板联系不上，要求退费。", "370103", "经四路万达广场写字楼", "050102", "urgent", 0),
        ("建筑工地拖欠农民工工资三个月，包工头说开发商没付款。", "370112", "历城区华山街道某工地", "040101", "urgent", 1),
    ];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<HotlineDbContext>();
        if (!await db.Articles.AnyAsync(ct)) await SeedKnowledgeAsync(sp, ct);
        if (await db.ApiKeys.AnyAsync(ct) || await db.Tickets.AnyAsync(ct)) return [];
        var key = await sp.GetRequiredService<Open311Keys>().IssueAsync("demo-open311-client", ct);

        // The 济南 hotline centre acts for the demo (the same use cases and checks as the console).
        var centre = new Actor(ActorKind.Official, "seed.hotline", "济南12345（演示数据）", "370100", null, new HashSet<string>(),
            new HashSet<string> { HotlinePermissions.Intake, HotlinePermissions.Dispatch }, RealNameLevel.InPerson);
        var intake = sp.GetRequiredService<TicketIntake>();
        var i = 0;
        foreach (var s in Samples)
        {
            i++;
            var created = await intake.CreateAsync(centre, new TicketInput("hotline", i % 2 == 0 ? "刘女士" : "陈先生", $"1390531{i:0000}", s.Content, s.Division, s.Address,
                null, null, s.Category, s.Urgency, Confidential: i == 6), TicketChannel.Hotline, requirePhone: true, ct);
            if (!created.IsSuccess || s.Step == 0) continue;
            await DispatchTicket.HandleAsync(centre, created.Value.Id, TicketMachine.Dispatch, new DispatchTicket.Request(null, null, "演示派单", null), sp, ct);
            if (s.Step < 2) continue;
            // A unit signs for it: the lead unit's official is not in this scope, so the seed acts as that unit.
            var t = await db.Tickets.AsNoTracking().SingleAsync(x => x.Id == created.Value.Id, ct);
            var unit = new Actor(ActorKind.Official, "seed.unit", t.LeadUnitName ?? "承办单位", t.LeadUnitDivision, t.LeadUnitId, new HashSet<string>(),
                new HashSet<string> { HotlinePermissions.Handle }, RealNameLevel.InPerson);
            await SignTicket.HandleAsync(unit, t.Id, new SignTicket.Request(null), sp, ct);
        }
        return [new DemoCredential("open311", "demo-open311-client", key, "Open311 GeoReport v2 客户端 api_key（/open311/v2/requests.json 提交诉求）")];
    }

    /// <summary>The 济南 12345 centre (run by 济南市大数据局) writes and publishes the demo articles through the use cases.</summary>
    private static async Task SeedKnowledgeAsync(IServiceProvider sp, CancellationToken ct)
    {
        var unit = await sp.GetRequiredService<IOrganisationDirectory>().FindResponsibleUnitAsync("bigdata", "370100", ct);
        var editor = new Actor(ActorKind.Official, "seed.knowledge", "济南12345知识库（演示数据）", "370100", unit?.Id, new HashSet<string>(),
            new HashSet<string> { HotlinePermissions.KnowledgeManage, HotlinePermissions.KnowledgeRead }, RealNameLevel.InPerson);
        foreach (var a in KnowledgeSeed.All)
        {
            var saved = await SaveArticle.HandleAsync(editor, null, new SaveArticle.Request(a.Title, a.Body, a.Categories, a.Matters, null), sp, ct);
            if (saved.IsSuccess && a.Published)
                await ChangeArticleStatus.HandleAsync(editor, saved.Value.Id, ArticleStatus.Published, null, sp, ct);
        }
    }
}
