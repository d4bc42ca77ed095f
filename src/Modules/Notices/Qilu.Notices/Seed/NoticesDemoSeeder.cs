using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Identity.Contracts;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Notices.Notices;
using Qilu.Platform.Hosting;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Seed;

/// <summary>
/// Seeds four published demo notices once (nothing when any notice exists), through the same use cases officials use:
/// two public ones of the provincial big-data bureau (one 重要), an internal one of 济南市大数据局 that reaches 历下区 but
/// not 青岛, and a public 济南 notice with a validity end.
/// </summary>
internal sealed class NoticesDemoSeeder : IDemoSeeder
{
    public int Order => 700;

    public string Name => "notices";

    /// <summary>The publishing units (Identity demo).</summary>
    public IReadOnlyCollection<string>? DependsOn => [DemoSeederNames.IdentityProvince];

    private sealed record SeedNotice(string Division, string Title, string Category, bool Important, bool IsPublic, int? ValidDays, string Body);

    private static readonly SeedNotice[] Notices =
    [
        new("370000", "关于全面推行“免申即享”政策兑现服务的公告", "announcement", true, true, null,
            "为深入推进“高效办成一件事”，省大数据局会同有关部门依托省一体化政务服务平台，全面推行惠企利民政策“免申即享”兑现服务。\n" +
            "一、符合条件的企业和群众无需提出申请，平台通过数据共享比对自动识别政策对象，经主管部门确认后直接兑现。\n" +
            "二、首批纳入“免申即享”清单的政策共 36 项，涵盖就业补贴、稳岗返还、高龄津贴、科技型中小企业奖补等，清单将动态更新。\n" +
            "三、政策兑现结果通过“爱山东”APP 和短信告知本人；对结果有异议的，可拨打 12345 热线或向主管部门反映。\n" +
            "特此公告。"),
        new("370100", "关于进一步规范数据共享申请审批时限的通知", "notice", false, false, null,
            "各区县大数据主管部门，市直各部门：\n" +
            "为提升公共数据共享效率，现就数据共享申请审批时限有关事项通知如下：\n" +
            "一、无条件共享类数据资源的申请，数源部门应在 1 个工作日内完成审核；有条件共享类应在 5 个工作日内答复，不予共享的须说明理由和依据。\n" +
            "二、超过审批时限未答复的申请，系统将自动提醒并纳入数据共享考核。\n" +
            "三、各单位数据专员负责本单位共享申请的跟踪督办，每月汇总审批情况报市大数据局。\n" +
            "本通知自印发之日起施行。"),
        new("370000", "全省“一件事”集成服务上线运行", "work_news", false, true, null,
            "近日，新生儿出生、企业开办、不动产登记等“一件事”集成服务在省一体化政务服务平台全面上线。\n" +
            "群众可通过“一次告知、一表申请、一套材料、一窗受理”的方式办理相关事项，平均减少跑动 4 次、减少材料 60% 以上。"),
        new("370100", "关于济南市政务服务平台系统升级维护的通知", "notice", false, true, 30,
            "为进一步提升服务能力，济南市政务服务平台将于近期进行系统升级维护。\n" +
            "维护期间部分网上办事功能可能短时无法使用，线下政务服务大厅正常办公。\n" +
            "由此带来的不便，敬请谅解。如有疑问，请拨打 12345 政务服务便民热线。"),
    ];

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<NoticesDbContext>();
        if (await db.Notices.AnyAsync(ct)) return [];
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var audit = NoticesAudit.ForSeeding();
        foreach (var s in Notices)
        {
            // Demo data without the provincial or 济南 big-data bureau (a trimmed organisation) simply has fewer notices.
            if (await directory.FindResponsibleUnitAsync("bigdata", s.Division, ct) is not { } unit || unit.DivisionCode != s.Division) continue;
            var actor = new Actor(ActorKind.Official, "system:notices-seed", "通知公告初始化", unit.DivisionCode, unit.Id,
                new HashSet<string>(), new HashSet<string>([NoticesPermissions.Publish]), RealNameLevel.None);
            var input = new NoticeInput(s.Title, s.Body, s.Category, s.Important ? "important" : "normal", s.IsPublic ? "public" : "internal",
                s.ValidDays is { } days ? clock.GetUtcNow().AddDays(days) : null);
            var draft = Must(await CreateNotice.HandleAsync(actor, input, db, directory, clock, audit, ct));
            Must(await PublishNotice.HandleAsync(actor, draft.Id, draft.Version, db, clock, audit, ct));
        }
        return [];
    }

    private static T Must<T>(Result<T> result) => result.IsSuccess ? result.Value
        : throw new InvalidOperationException("Demo notices seed failed: " + string.Join("; ", result.Errors));
}
