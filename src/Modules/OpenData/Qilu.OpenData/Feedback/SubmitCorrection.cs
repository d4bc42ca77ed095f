using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.OpenData.Data;
using Qilu.OpenData.Datasets;
using Qilu.OpenData.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.OpenData.Feedback;

/// <summary>POST /api/opendata/datasets/{name}/corrections: 纠错 — a signed-in person reports an error in a dataset.</summary>
internal static class SubmitCorrection
{
    public sealed record Request(string? Description);

    public sealed record Response(Guid Id, string Dataset, FeedbackStatus Status, uint Version);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/datasets/{name}/corrections", EndpointAsync)
        .RequireAuthorization().WithName("SubmitOpenDataCorrection").WithSummary("纠错 / Report an error").Produces<Response>(201);

    private static async Task<IResult> EndpointAsync(string name, Request request, HttpContext ctx, ActorAccessor actors, OpenDataDbContext db,
        TimeProvider clock, OpenDataAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), name, request, db, clock, audit, ctx.RequestAborted), r => $"/api/opendata/corrections/{r.Id}");

    internal static async Task<Result<Response>> HandleAsync(Actor actor, string name, Request request, OpenDataDbContext db, TimeProvider clock,
        OpenDataAudit audit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Forbidden<Response>("opendata.sign_in", "请先登录", "Sign in first");
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name && d.State == DatasetState.Published, ct);
        if (dataset is null) return Outcomes.NotFound<Response>("数据集", "Dataset");
        if (string.IsNullOrWhiteSpace(request.Description) || request.Description.Trim().Length is < 5 or > 2000)
            return Outcomes.Invalid<Response>("opendata.correction.description", "请描述错误（5–2000字）", "Describe the error (5–2000 characters)", "description");
        var item = new Correction
        {
            DatasetId = dataset.Id, ProviderUnitId = dataset.PublisherUnitId, DatasetTitle = dataset.Title, Description = request.Description.Trim(),
            ReporterId = actor.SubjectId, ReporterName = actor.DisplayName, CreatedAt = clock.GetUtcNow(),
        };
        db.Corrections.Add(item);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("opendata.corrections.submitted", "correction", item.Id.ToString(), actor, new { dataset = dataset.Name }, ct);
        return new Response(item.Id, dataset.Name, item.Status, item.Version);
    }
}
