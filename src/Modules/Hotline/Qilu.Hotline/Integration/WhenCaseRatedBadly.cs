using Microsoft.Extensions.Logging;
using Qilu.Cases.Contracts;
using Qilu.Hotline.Data;
using Qilu.Hotline.Tickets;
using Qilu.Platform.Events;
using Qilu.SharedKernel.Actors;

namespace Qilu.Hotline.Integration;

/// <summary>
/// 好差评 差评 → 12345 ticket on the channel 好差评差评 (the Cases module's <see cref="CaseRatedBadly"/>, delivered
/// through its outbox at least once). The ticket lands on the dispatcher's board like any other, filed under 政务服务 ›
/// 办事效率 in the rated unit's division, so the complaint is followed up and called back in the hotline's closed loop
/// next to the unit's own 整改. Idempotent by event id (inbox row saved in the same transaction as the ticket).
/// </summary>
internal sealed class WhenCaseRatedBadly(HotlineDbContext db, TicketIntake intake, TimeProvider clock, ILogger<WhenCaseRatedBadly> log)
    : IIntegrationEventHandler<CaseRatedBadly>
{
    private const string Handler = "hotline.tickets.case_rated_badly";

    /// <summary>政务服务 › 办事效率: a bad rating is a complaint about how a case was handled.</summary>
    public const string Category = "120201";

    /// <summary>Who records these tickets (the timeline and the audit name it).</summary>
    internal static readonly Actor System = new(ActorKind.SystemClient, "cases.ratings", "好差评系统", null, null, new HashSet<string>(),
        new HashSet<string>(), RealNameLevel.None);

    public async Task HandleAsync(CaseRatedBadly integrationEvent, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (await db.AlreadyProcessedAsync(e, Handler, cancellationToken)) return;
        // Marked in the same unit of work as the ticket: the intake's save commits both, so a redelivery finds the mark.
        db.MarkProcessed(e, Handler, clock.GetUtcNow());
        var level = e.Level <= 1 ? "非常不满意" : "不满意";
        var content = $"好差评差评（{level}）：办件{e.CaseNumber}“{e.MatterName}”（事项编码{e.MatterCode}），评价对象{e.UnitName}。评价意见：{(string.IsNullOrWhiteSpace(e.Comment) ? "（未填写）" : e.Comment.Trim())}";
        if (content.Length > TicketIntake.MaxContent) content = content[..TicketIntake.MaxContent];
        var address = "办理单位：" + e.UnitName;
        var created = await intake.CreateAsync(System, new TicketInput("bad_review", null, null, content, e.DivisionCode, address.Length > 200 ? address[..200] : address,
            null, null, Category, e.Level <= 1 ? "urgent" : "normal", Confidential: false), TicketChannel.BadReview, requirePhone: false, cancellationToken);
        if (created.IsSuccess) return;
        // A rating the intake refuses (a division unknown here) will be refused on every redelivery: keep the mark, say why.
        await db.SaveChangesAsync(cancellationToken);
        log.LogWarning("Bad rating {RatingId} of case {CaseNumber} made no ticket: {Errors}", e.RatingId, e.CaseNumber,
            string.Join("; ", created.Errors.Select(x => x.Code + " " + x.MessageEn)));
    }
}
