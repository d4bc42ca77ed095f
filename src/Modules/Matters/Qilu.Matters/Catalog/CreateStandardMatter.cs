using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Matters.Auditing;
using Qilu.Matters.Codes;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// POST /api/matters/standards: adds a matter to the provincial standard (division 370000) as draft version 1. Only
/// officials of the province itself may; the basic code is checked (GB/T 39554.1 layout) and its type code must match
/// 事项类型; every standard element is required.
/// </summary>
internal static class CreateStandardMatter
{
    public sealed record Request(string BasicCode, MatterLevel Level, string? ParentCode, MatterType Type, MatterContent Content);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/standards", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogEdit)
        .WithName("CreateStandardMatter").WithSummary("新增省级标准事项 / Add a standard matter").Produces<MatterDrafts.Item>(201);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, clock, audit, ctx.RequestAborted), m => $"/api/matters/{m.Id}");

    internal static async Task<Result<MatterDrafts.Item>> HandleAsync(Actor actor, Request request, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogEdit) is { } denied) return Outcomes.Denied<MatterDrafts.Item>(denied);
        if (actor.DivisionCode != CatalogScope.Province)
            return Outcomes.Forbidden<MatterDrafts.Item>("scope.standard", "只有省级部门可以维护省级标准事项", "Only provincial officials maintain the provincial standard");
        var errors = new List<Error>();
        var basic = MatterBasicCode.Parse(request.BasicCode);
        if (!basic.IsSuccess) errors.Add(basic.Error.ForField("basicCode"));
        else
        {
            if (basic.Value.Type != request.Type)
                errors.Add(new Error("basic_code.type_mismatch", $"基本编码的事项类型代码为{basic.Value.Value.Substring(2, 2)}，与事项类型“{MatterTypeNames.Zh(request.Type)}”（{MatterTypeNames.Code(request.Type)}）不一致",
                    $"The basic code's type code {basic.Value.Value.Substring(2, 2)} does not match the type {request.Type} ({MatterTypeNames.Code(request.Type)})", "basicCode"));
            if (request.Level == MatterLevel.Main && basic.Value.IsSubItem)
                errors.Add(new Error("basic_code.level", "主项的子项编码应为000", "A main item's sub-item code is 000", "basicCode"));
        }
        if (!Enum.IsDefined(request.Type)) errors.Add(new Error("type.invalid", "事项类型无效", "Unknown matter type", "type"));
        if (!Enum.IsDefined(request.Level)) errors.Add(new Error("level.invalid", "事项层级无效", "Unknown level", "level"));
        if (request.Level != MatterLevel.Main)
        {
            if (request.ParentCode is null) errors.Add(new Error("parent.required", "子项和业务办理项须指定上级事项编码", "Sub-items and business items need a parent code", "parentCode"));
            else if (!await db.Matters.AnyAsync(m => m.StandardId == null && m.BasicCode == request.ParentCode, ct))
                errors.Add(new Error("parent.unknown", "上级事项不存在", "The parent matter does not exist", "parentCode"));
        }
        errors.AddRange(MatterValidation.CheckComplete(request.Content ?? new MatterContent()));
        if (errors.Count > 0) return Outcomes.Invalid<MatterDrafts.Item>(errors);
        if (await db.Matters.AnyAsync(m => m.StandardId == null && m.BasicCode == basic.Value.Value, ct))
            return Outcomes.Conflict<MatterDrafts.Item>("basic_code.taken", $"基本编码 {basic.Value.Value} 已存在", $"Basic code {basic.Value.Value} already exists", "basicCode");
        var now = clock.GetUtcNow();
        var matter = new Matter
        {
            BasicCode = basic.Value.Value, DivisionCode = CatalogScope.Province, Level = request.Level, ParentCode = request.ParentCode,
            Type = request.Type, Name = request.Content!.Name!, UpdatedAt = now,
        };
        db.Matters.Add(matter);
        await MatterDrafts.SaveDraftAsync(db, matter, request.Content, request.Content, actor, now, ct);
        matter.Revision = 1;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.standard.created", "matter", matter.Id.ToString(), actor, new { matter.BasicCode }, ct: ct);
        return MatterDrafts.ToItem(matter);
    }
}
