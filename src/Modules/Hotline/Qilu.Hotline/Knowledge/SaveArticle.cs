using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qilu.Hotline.Categories;
using Qilu.Hotline.Contracts;
using Qilu.Hotline.Data;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Hotline.Knowledge;

/// <summary>
/// POST /api/hotline/knowledge (a new draft owned by the editor's unit) and PUT /api/hotline/knowledge/{id} (edit; the
/// version the editor saw must still be current, else 409). A published article stays published: the edit is its next version.
/// </summary>
internal static partial class SaveArticle
{
    public sealed record Request(string? Title, string? Body, IReadOnlyList<string>? CategoryCodes, IReadOnlyList<string>? MatterCodes, uint? Version);

    public const int MaxTitle = 100, MaxBody = 4000, MaxCategories = 10, MaxMatters = 20;

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z-]{3,39}$")]
    private static partial Regex MatterCode();

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/knowledge", async (Request request, HttpContext ctx, ActorAccessor actors) =>
            {
                var r = await HandleAsync(actors.FromContext(ctx), null, request, ctx.RequestServices, ctx.RequestAborted);
                return r.IsSuccess ? Results.Created($"/api/hotline/knowledge/{r.Value.Id}", r.Value) : Problems.From(r);
            })
            .RequirePermission(HotlinePermissions.KnowledgeManage)
            .WithName("CreateArticle").WithSummary("新建知识 / Create a knowledge article").Produces<ArticleView>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/knowledge/{id:guid}", async (Guid id, Request request, HttpContext ctx, ActorAccessor actors) =>
                Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), id, request, ctx.RequestServices, ctx.RequestAborted)))
            .RequirePermission(HotlinePermissions.KnowledgeManage)
            .WithName("UpdateArticle").WithSummary("修改知识 / Edit a knowledge article").Produces<ArticleView>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
    }

    internal static async Task<Result<ArticleView>> HandleAsync(Actor actor, Guid? id, Request request, IServiceProvider sp, CancellationToken ct)
    {
        if (!actor.IsAuthenticated) return Outcomes.Unauthenticated<ArticleView>();
        if (Outcomes.Lacks(actor, HotlinePermissions.KnowledgeManage) is { } lacks) return Outcomes.Denied<ArticleView>(lacks);
        var db = sp.GetRequiredService<HotlineDbContext>();
        var categories = sp.GetRequiredService<CategoryCatalog>();
        var v = new Validation();
        var title = request.Title?.Trim();
        var body = request.Body?.Trim();
        v.Required("title", title, "标题").MaxLength("title", title, MaxTitle, "标题");
        v.Required("body", body, "正文").MaxLength("body", body, MaxBody, "正文");
        var codes = (request.CategoryCodes ?? []).Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) v.Add(new Error("required", "请至少选择一个诉求分类", "At least one category is required", "categoryCodes"));
        if (codes.Count > MaxCategories) v.Add(new Error("max_count", $"诉求分类不能超过{MaxCategories}个", $"At most {MaxCategories} categories", "categoryCodes"));
        foreach (var c in codes.Where(c => categories.Find(c) is not { Level: 3 }))
            v.Add(new Error("category.unknown", $"“{c}”不是三级诉求分类代码", $"'{c}' is not a level-3 category code", "categoryCodes"));
        var matters = (request.MatterCodes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (matters.Count > MaxMatters) v.Add(new Error("max_count", $"关联事项不能超过{MaxMatters}个", $"At most {MaxMatters} matters", "matterCodes"));
        foreach (var m in matters.Where(m => !MatterCode().IsMatch(m)))
            v.Add(new Error("matter.code_format", $"“{m}”不是有效的事项编码", $"'{m}' is not a matter code (4–40 letters, digits or hyphens)", "matterCodes"));
        if (!v.IsValid) return v.Invalid<ArticleView>();

        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        KnowledgeArticle a;
        string action;
        if (id is null)
        {
            if (actor.DivisionCode is null)
                return Outcomes.Invalid<ArticleView>("unit.required", "您的账号未归属单位，不能新建知识", "Your account belongs to no unit", null);
            var unit = actor.DepartmentId is { } dep ? await sp.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(dep, ct) : null;
            a = new KnowledgeArticle
            {
                Title = title!, Body = body!, OwnerUnitId = unit?.Id, OwnerUnitName = unit?.Name ?? actor.DisplayName, OwnerDivision = unit?.DivisionCode ?? actor.DivisionCode,
                CreatedAt = now, UpdatedAt = now, UpdatedById = actor.SubjectId, UpdatedByName = actor.DisplayName, Status = ArticleStatus.Draft,
            };
            db.Articles.Add(a);
            action = "created";
        }
        else
        {
            var found = await db.Articles.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (found is null || !KnowledgeAccess.MayManage(actor, found)) return KnowledgeOutcomes.NotFound<ArticleView>();
            if (request.Version is { } seen && seen != found.Version) return KnowledgeOutcomes.Stale<ArticleView>();
            a = found;
            a.Title = title!;
            a.Body = body!;
            a.UpdatedAt = now;
            a.UpdatedById = actor.SubjectId;
            a.UpdatedByName = actor.DisplayName;
            action = "updated";
        }
        a.CategoryCodes = string.Join(',', codes);
        a.MatterCodes = string.Join(',', matters);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return KnowledgeOutcomes.Stale<ArticleView>();
        }
        await KnowledgeOutcomes.AuditAsync(sp, actor, a, action, ct);
        return ArticleView.Of(a, actor, categories);
    }
}
