using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Catalog.Auditing;
using Qilu.Catalog.Contracts;
using Qilu.Catalog.Data;
using Qilu.Catalog.Entries;
using Qilu.Identity.Contracts;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Catalog.Elements;

/// <summary>
/// POST /api/catalog/elements (create) and PUT /api/catalog/elements/{identifier} (change, with the row version):
/// the big-data bureau maintains the registry. A pattern must compile; a code list needs codes; the source unit must
/// exist (一数一源).
/// </summary>
internal static class SaveElement
{
    public sealed record Request(string? Identifier, string? NameZh, string? NameEn, string? Definition, string? DataType, string? Format,
        string? Pattern, int? MaxLength, CodeItem[]? CodeList, string? Unit, Guid? SourceUnitId, DataGrade? DefaultGrade, string? Version,
        string? Status, uint RowVersion = 0);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/elements", CreateAsync).RequirePermission(CatalogPermissions.ElementsManage)
            .WithName("CreateDataElement").WithSummary("新建数据元 / Create a data element").Produces<ListElements.Item>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapPut("/elements/{identifier}", UpdateAsync).RequirePermission(CatalogPermissions.ElementsManage)
            .WithName("UpdateDataElement").WithSummary("修改数据元 / Change a data element").Produces<ListElements.Item>().ProducesValidationProblem();
    }

    private static async Task<IResult> CreateAsync(Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), null, request, db, directory, clock, audit, ctx.RequestAborted),
            i => $"/api/catalog/elements/{i.Element.Identifier}");

    private static async Task<IResult> UpdateAsync(string identifier, Request request, HttpContext ctx, ActorAccessor actors, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit) =>
        Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), identifier, request, db, directory, clock, audit, ctx.RequestAborted));

    /// <summary>Creates (<paramref name="existing"/> null) or updates an element.</summary>
    internal static async Task<Result<ListElements.Item>> HandleAsync(Actor actor, string? existing, Request request, CatalogDbContext db,
        IOrganisationDirectory directory, TimeProvider clock, CatalogAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, CatalogPermissions.ElementsManage) is { } denied) return Outcomes.Denied<ListElements.Item>(denied);
        if (!EntryAccess.IsBigDataBureau(await EntryAccess.UnitOfAsync(actor, directory, ct)))
            return Outcomes.Forbidden<ListElements.Item>("elements.not_bigdata", "只有大数据主管部门可以维护数据元", "Only a big-data bureau maintains data elements");
        var v = new Validation()
            .Required("nameZh", request.NameZh, "中文名称").MaxLength("nameZh", request.NameZh, 100, "中文名称")
            .Required("nameEn", request.NameEn, "英文名称").MaxLength("nameEn", request.NameEn, 100, "英文名称")
            .MaxLength("definition", request.Definition, 1000, "定义")
            .Rule(request.DataType is not null && ElementFormats.DataTypes.Contains(request.DataType), "dataType", "data_type.unknown",
                $"数据类型须为：{string.Join("、", ElementFormats.DataTypes)}", $"dataType must be one of {string.Join(", ", ElementFormats.DataTypes)}")
            .Rule(request.Format is not null && ElementFormats.All.Contains(request.Format), "format", "format.unknown",
                $"校验格式须为：{string.Join("、", ElementFormats.All)}", $"format must be one of {string.Join(", ", ElementFormats.All)}")
            .Rule(request.Format != ElementFormats.CodeList || request.CodeList is { Length: > 0 }, "codeList", "code_list.required",
                "值域型数据元须列出代码", "A code-list element needs its codes")
            .Rule(request.Status is null or "active" or "draft" or "retired", "status", "status.unknown", "状态须为 active、draft 或 retired", "status must be active, draft or retired")
            .Rule(request.MaxLength is null or > 0 and <= 4000, "maxLength", "max_length.range", "最大长度须在1–4000之间", "maxLength must be 1–4000");
        if (existing is null)
            v.Rule(request.Identifier is not null && System.Text.RegularExpressions.Regex.IsMatch(request.Identifier, "^[A-Z]{2}[0-9A-Z]{2,30}$"),
                "identifier", "identifier.format", "标识符须为2位大写字母开头、共4–32位大写字母或数字（如 DE0100）", "identifier must be 4–32 upper-case letters or digits starting with 2 letters (DE0100)");
        if (request.Format == ElementFormats.Pattern)
        {
            try
            {
                _ = ElementValueValidator.PatternOf(request.Pattern ?? "");
                v.Rule(!string.IsNullOrEmpty(request.Pattern), "pattern", "pattern.required", "模式型数据元须给出正则表达式", "A pattern element needs its pattern");
            }
            catch (ArgumentException)
            {
                v.Add(new Error("pattern.invalid", "正则表达式无法解析", "The pattern is not a valid regular expression", "pattern"));
            }
        }
        if (request.SourceUnitId is { } source && await directory.FindUnitAsync(source, ct) is null)
            v.Add(new Error("source_unit.unknown", "权威来源单位不存在", "The authoritative source unit does not exist", "sourceUnitId"));
        if (!v.IsValid) return v.Invalid<ListElements.Item>();

        DataElement element;
        if (existing is null)
        {
            if (await db.Elements.AnyAsync(e => e.Identifier == request.Identifier, ct))
                return Outcomes.Conflict<ListElements.Item>("identifier.taken", "数据元标识符已存在", "The identifier is taken", "identifier");
            element = new DataElement { Identifier = request.Identifier!, NameZh = "", NameEn = "", DataType = "", Format = "" };
            db.Elements.Add(element);
        }
        else
        {
            var found = await db.Elements.FirstOrDefaultAsync(e => e.Identifier == existing, ct);
            if (found is null) return Outcomes.NotFound<ListElements.Item>("数据元", "Data element");
            element = found;
            if (element.RowVersion != request.RowVersion) return Outcomes.Stale<ListElements.Item>(request.RowVersion, element.RowVersion);
        }
        element.NameZh = request.NameZh!.Trim();
        element.NameEn = request.NameEn!.Trim();
        element.Definition = request.Definition?.Trim() ?? "";
        element.DataType = request.DataType!;
        element.Format = request.Format!;
        element.Pattern = request.Pattern;
        element.MaxLength = request.MaxLength;
        element.CodeListText = ElementFormats.FormatCodeList(request.CodeList);
        element.Unit = request.Unit;
        element.SourceUnitId = request.SourceUnitId;
        element.DefaultGrade = request.DefaultGrade ?? DataGrade.L1;
        element.Version = request.Version ?? element.Version;
        element.Status = request.Status ?? element.Status;
        element.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcomes.Stale<ListElements.Item>(request.RowVersion, request.RowVersion + 1);
        }
        catch (DbUpdateException)
        {
            return Outcomes.Conflict<ListElements.Item>("identifier.taken", "数据元标识符已存在", "The identifier is taken", "identifier");
        }
        await audit.WriteAsync(existing is null ? "catalog.elements.created" : "catalog.elements.updated", "data_element", element.Identifier, actor,
            new { element.NameZh, element.Format, grade = element.DefaultGrade.ToString() }, ct);
        return new ListElements.Item(element.ToInfo(), element.RowVersion);
    }
}
