using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Notices.Auditing;
using Qilu.Notices.Contracts;
using Qilu.Notices.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Notices.Notices;

/// <summary>
/// POST /api/notices/{id}/correct: corrects (更正) a published notice of one's own unit — title, body, category,
/// importance or validity — with a note saying what and why. The notice stays published under its link; readers see
/// each correction's date and note under the text, and the text before the correction is kept. The audience cannot
/// change by a correction: making a public notice internal is a withdrawal, and an internal one public a new publication.
/// </summary>
internal static class CorrectNotice
{
    /// <summary>The corrected fields, the version the official read, and the note (更正说明).</summary>
    public sealed record Request(uint Version, string? Title, string? Body, string? Category, string? Importance, DateTimeOffset? ValidUntil, string? Note);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/{id:guid}/correct", EndpointAsync)
        .RequirePermission(NoticesPermissions.Publish)
        .WithName("CorrectNotice").WithSummary("更正已发布的通知公告 / Correct a published notice").Produces<NoticeViews.Detail>();

    private static async Task<IResult> EndpointAsync(Guid id, Request request, HttpContext ctx, ActorAccessor actors, NoticesDbContext db, TimeProvider clock, NoticesAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, db, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<NoticeViews.Detail>> HandleAsync(Actor actor, Guid id, Request request, NoticesDbContext db, TimeProvider clock, NoticesAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, NoticesPermissions.Publish) is { } denied) return Outcomes.Denied<NoticeViews.Detail>(denied);
        var note = new Validation().Required("note", request.Note, "更正说明").MaxLength("note", request.Note?.Trim(), NoticeInput.ReasonMax, "更正说明");
        if (!note.IsValid) return note.Invalid<NoticeViews.Detail>();
        var loaded = await NoticeEdits.LoadPublishedAsync(actor, id, request.Version, "更正", db, ct);
        if (!loaded.IsSuccess) return Result<NoticeViews.Detail>.Failure(loaded.Errors, loaded.Kind);
        var notice = loaded.Value;
        var now = clock.GetUtcNow();
        var input = new NoticeInput(request.Title, request.Body, request.Category, request.Importance, notice.IsPublic ? "public" : "internal", request.ValidUntil);
        var v = input.Check(now);
        if (!v.IsValid) return v.Invalid<NoticeViews.Detail>();

        var before = (notice.Title, notice.Body, notice.Category, notice.Important, notice.ValidUntil);
        input.ApplyTo(notice);
        if ((notice.Title, notice.Body, notice.Category, notice.Important, notice.ValidUntil) == before)
        {
            return new Validation().Rule(false, "body", "notice.correction_unchanged", "更正须修改标题、正文、类别、重要程度或有效期中的至少一项",
                "A correction must change the title, body, category, importance or validity").Invalid<NoticeViews.Detail>();
        }
        var number = await db.Corrections.CountAsync(c => c.NoticeId == notice.Id, ct) + 1;
        db.Corrections.Add(new NoticeCorrection
        {
            NoticeId = notice.Id, Number = number, CorrectedAt = now, CorrectedBy = Clip(actor.DisplayName, 64), Note = request.Note!.Trim(),
            PreviousTitle = before.Title, PreviousBody = before.Body,
        });
        notice.CorrectedAt = now;
        notice.UpdatedAt = now;
        var saved = await NoticeEdits.SaveAsync(notice, request.Version, db, ct);
        if (!saved.IsSuccess) return Result<NoticeViews.Detail>.Failure(saved.Errors, saved.Kind);
        await audit.WriteAsync("notices.notice.corrected", "notice", notice.Id.ToString(), actor,
            new { notice.Title, number, note = request.Note!.Trim(), previousTitle = before.Title, notice.Version }, ct: ct);
        return NoticeViews.ToDetail(notice, canEdit: true, now, await NoticeViews.CorrectionsAsync(db, notice.Id, canEdit: true, ct));
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
