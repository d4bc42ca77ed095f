using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Catalog;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Matters.UseCases;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Bundles;

/// <summary>
/// PUT /api/matters/bundles/{division}/{code}: creates or replaces the draft of a 一件事 bundle configured for a division
/// (the province's 370000 for everyone, or a city's own). The members must be offered in that division and their forms
/// must merge (a data element cannot be a date in one member and text in another). Replacing needs the current
/// <c>revision</c> (409 otherwise).
/// </summary>
internal static partial class SaveBundle
{
    public sealed record Request(uint? Revision, BundleContent Content);

    public static void Map(IEndpointRouteBuilder api) => api.MapPut("/bundles/{division}/{code}", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogEdit)
        .WithName("SaveBundle").WithSummary("保存一件事（草稿） / Save a bundle draft").Produces<BundleViews.Item>();

    private static async Task<IResult> EndpointAsync(string division, string code, Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db,
        MatterCatalog catalog, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), division, code, request, db, catalog, clock, audit, ctx.RequestAborted));

    internal static async Task<Result<BundleViews.Item>> HandleAsync(Actor actor, string division, string code, Request request, MattersDbContext db,
        MatterCatalog catalog, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } denied) return Outcomes.Denied<BundleViews.Item>(denied);
        if (!CodePattern().IsMatch(code ?? ""))
            return Outcomes.Invalid<BundleViews.Item>("bundle.code", "一件事编码应为小写字母开头的2-40位小写字母、数字或连字符", "A bundle code is 2-40 lower-case letters, digits or '-'", "code");
        if (division.Length != 6 || !division.All(char.IsAsciiDigit))
            return Outcomes.Invalid<BundleViews.Item>("division.format", "行政区划代码应为6位数字", "A division code has 6 digits", "division");
        if (!CatalogScope.CanEditDivision(actor, division))
            return Outcomes.Forbidden<BundleViews.Item>("scope.division", "只能维护本级及下级区划的一件事", "You may only configure bundles in your division subtree");
        if (request.Content is null) return Outcomes.Invalid<BundleViews.Item>("required", "请提供一件事配置", "The bundle content is required", "content");
        var errors = await BundleValidation.CheckAsync(request.Content, division, catalog, ct);
        if (errors.Count > 0) return Outcomes.Invalid<BundleViews.Item>(errors);
        var bundle = await db.Bundles.FirstOrDefaultAsync(b => b.Code == code && b.DivisionCode == division, ct);
        var now = clock.GetUtcNow();
        if (bundle is null)
        {
            bundle = new Bundle { Code = code!, DivisionCode = division, Name = request.Content.Name, Content = request.Content.ToJson(), UpdatedAt = now, Revision = 1 };
            db.Bundles.Add(bundle);
        }
        else
        {
            if (request.Revision != bundle.Revision) return RevisionConflict.Stale<BundleViews.Item>(bundle.Revision);
            bundle.Name = request.Content.Name;
            bundle.Content = request.Content.ToJson();
            bundle.HasDraft = true;
            bundle.UpdatedAt = now;
            bundle.Revision++;
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.bundle.saved", "bundle", $"{division}/{code}", actor, ct: ct);
        return BundleViews.ToItem(bundle);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
