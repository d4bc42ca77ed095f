using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qilu.Matters.Auditing;
using Qilu.Matters.Codes;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Catalog;

/// <summary>
/// POST /api/matters/import (multipart <c>file</c>, XLSX in the <see cref="MatterSheet"/> layout): creates standard
/// matters and writes new drafts of existing ones (their forms are kept: forms travel in packages, not in XLSX). Every
/// row and every material is validated; if anything is wrong nothing is written and every error names its sheet, row
/// and column. A row that cannot be read is an error, never skipped.
/// </summary>
internal static class ImportMattersXlsx
{
    public sealed record Response(int Created, int Updated, int Unchanged);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/import", EndpointAsync)
        .RequirePermission(MattersPermissions.CatalogTransfer).DisableAntiforgery()
        .WithName("ImportMattersXlsx").WithSummary("导入标准事项目录 XLSX / Import the standard catalog").Produces<Response>();

    private static async Task<IResult> EndpointAsync(IFormFile? file, HttpContext ctx, ActorAccessor actors, MattersDbContext db, TimeProvider clock, MattersAudit audit)
    {
        if (file is null || file.Length == 0) return Problems.Validation(new Error("required", "请上传文件", "A file is required", "file"));
        await using var stream = file.OpenReadStream();
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), stream, db, clock, audit, ctx.RequestAborted));
    }

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["name"] = "事项名称", ["legalBasis"] = "设定依据", ["acceptanceConditions"] = "受理条件", ["procedure"] = "办理流程",
        ["statutoryLimitDays"] = "法定时限", ["promisedLimitDays"] = "承诺时限", ["fee"] = "是否收费", ["location"] = "办理地点", ["hours"] = "办理时间",
        ["consultPhone"] = "咨询电话", ["supervisionPhone"] = "监督电话", ["onlineDepth"] = "网办深度", ["onSiteVisits"] = "到现场次数",
        ["routing"] = "路由规则", ["workflowKey"] = "流程定义", ["keywords"] = "关键词",
    };

    private static readonly Dictionary<string, string> MaterialColumnOf = new(StringComparer.Ordinal)
    {
        ["name"] = "材料名称", ["form"] = "材料形式", ["copies"] = "份数", ["source"] = "来源", ["sourceCode"] = "来源代码", ["note"] = "备注",
    };

    internal static async Task<Result<Response>> HandleAsync(Actor actor, Stream stream, MattersDbContext db, TimeProvider clock, MattersAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, MattersPermissions.CatalogTransfer) is { } denied) return Outcomes.Denied<Response>(denied);
        if (actor.DivisionCode != CatalogScope.Province)
            return Outcomes.Forbidden<Response>("scope.standard", "只有省级部门可以导入省级标准事项", "Only provincial officials import the provincial standard");
        List<IDictionary<string, object?>> matterRows, materialRows;
        try
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var sheets = MiniExcel.GetSheetNames(buffer);
            if (!sheets.Contains(MatterSheet.MattersSheet))
                return Outcomes.Invalid<Response>("import.sheet_missing", $"缺少工作表“{MatterSheet.MattersSheet}”", $"Sheet '{MatterSheet.MattersSheet}' is missing", "file");
            buffer.Position = 0;
            matterRows = [.. (await buffer.QueryAsync(useHeaderRow: true, sheetName: MatterSheet.MattersSheet, cancellationToken: ct)).Cast<IDictionary<string, object?>>()];
            buffer.Position = 0;
            materialRows = sheets.Contains(MatterSheet.MaterialsSheet)
                ? [.. (await buffer.QueryAsync(useHeaderRow: true, sheetName: MatterSheet.MaterialsSheet, cancellationToken: ct)).Cast<IDictionary<string, object?>>()]
                : [];
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            return Outcomes.Invalid<Response>("import.unreadable", "文件不是有效的 XLSX 工作簿", "The file is not a readable XLSX workbook", "file");
        }
        var errors = new List<Error>();
        void Fail(string sheet, int row, string column, string code, string zh, string en) =>
            errors.Add(new Error(code, $"{sheet}表第{row}行【{column}】：{zh}", $"Sheet {sheet} row {row} [{column}]: {en}", $"{sheet}[{row}].{column}"));

        var missing = MatterSheet.MatterColumns.Where(c => matterRows.Count > 0 && !matterRows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0)
            return Outcomes.Invalid<Response>("import.columns_missing", $"事项表缺少列：{string.Join("、", missing)}", $"Sheet 事项 lacks columns: {string.Join(", ", missing)}", "file");

        // Materials by basic code, with the sheet row numbers for error messages.
        var materials = new Dictionary<string, List<(int Row, MaterialDefinition Material)>>(StringComparer.Ordinal);
        for (var i = 0; i < materialRows.Count; i++)
        {
            var r = materialRows[i];
            var row = i + 2;
            if (r.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)))) continue;
            var code = MatterSheet.Cell(r, "基本编码");
            var form = MatterSheet.ParseEnum<MaterialForm>(MatterSheet.Cell(r, "材料形式"), MatterTypeNames.Zh);
            var source = MatterSheet.ParseEnum<MaterialSourceKind>(MatterSheet.Cell(r, "来源"), MatterTypeNames.Zh);
            var ok = true;
            if (code.Length == 0) { Fail("申请材料", row, "基本编码", "required", "基本编码不能为空", "the basic code is required"); ok = false; }
            if (form is null) { Fail("申请材料", row, "材料形式", "materials.form", "应为原件、复印件或电子", "must be 原件, 复印件 or 电子"); ok = false; }
            if (source is null) { Fail("申请材料", row, "来源", "materials.source", "应为申请人上传、电子证照、共享数据或免提交", "must be 申请人上传, 电子证照, 共享数据 or 免提交"); ok = false; }
            if (!int.TryParse(MatterSheet.Cell(r, "份数"), NumberStyles.None, CultureInfo.InvariantCulture, out var copies)) { Fail("申请材料", row, "份数", "materials.copies", "应为整数", "must be a whole number"); ok = false; }
            var required = MatterSheet.Cell(r, "是否必需");
            if (required is not ("是" or "否")) { Fail("申请材料", row, "是否必需", "materials.required", "应为“是”或“否”", "must be 是 or 否"); ok = false; }
            if (!ok) continue;
            var sourceCode = MatterSheet.Cell(r, "来源代码");
            var note = MatterSheet.Cell(r, "备注");
            if (!materials.TryGetValue(code, out var list)) materials[code] = list = [];
            list.Add((row, new MaterialDefinition(MatterSheet.Cell(r, "材料名称"), form!.Value, copies, source!.Value,
                sourceCode.Length == 0 ? null : sourceCode, required == "是", note.Length == 0 ? null : note)));
        }

        var parsed = new List<(int Row, MatterBasicCode Code, MatterLevel Level, string? Parent, MatterType Type, MatterContent Content)>();
        var codesInFile = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < matterRows.Count; i++)
        {
            var r = matterRows[i];
            var row = i + 2;
            if (r.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)))) continue;
            var ok = true;
            var basic = MatterBasicCode.Parse(MatterSheet.Cell(r, "基本编码"));
            if (!basic.IsSuccess) { Fail("事项", row, "基本编码", basic.Error.Code, basic.Error.Message, basic.Error.MessageEn); ok = false; }
            else if (!codesInFile.Add(basic.Value.Value)) { Fail("事项", row, "基本编码", "import.duplicate", "基本编码在文件中重复", "the basic code repeats in the file"); ok = false; }
            var level = MatterSheet.ParseEnum<MatterLevel>(MatterSheet.Cell(r, "事项层级"), MatterTypeNames.Zh);
            if (level is null) { Fail("事项", row, "事项层级", "level.invalid", "应为主项、子项或业务办理项", "must be 主项, 子项 or 业务办理项"); ok = false; }
            var type = MatterSheet.ParseEnum<MatterType>(MatterSheet.Cell(r, "事项类型"), MatterTypeNames.Zh);
            if (type is null) { Fail("事项", row, "事项类型", "type.invalid", "不是有效的事项类型（如行政许可、公共服务）", "is not a matter type (e.g. 行政许可, 公共服务)"); ok = false; }
            else if (basic.IsSuccess && basic.Value.Type != type)
            { Fail("事项", row, "事项类型", "basic_code.type_mismatch", $"与基本编码的类型代码{basic.Value.Value.Substring(2, 2)}不一致", $"does not match the basic code's type code {basic.Value.Value.Substring(2, 2)}"); ok = false; }
            int? Int(string column)
            {
                var text = MatterSheet.Cell(r, column);
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
                Fail("事项", row, column, "import.integer", $"“{text}”不是整数", $"'{text}' is not a whole number");
                ok = false;
                return null;
            }
            var statutory = Int("法定时限");
            var promised = Int("承诺时限");
            var depth = Int("网办深度");
            var visits = Int("到现场次数");
            var charged = MatterSheet.Cell(r, "是否收费");
            if (charged is not ("是" or "否")) { Fail("事项", row, "是否收费", "fee.charged", "应为“是”或“否”", "must be 是 or 否"); ok = false; }
            var steps = new List<ProcedureStep>();
            foreach (var line in MatterSheet.Cell(r, "办理流程").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var sep = line.IndexOfAny(['：', ':']);
                steps.Add(sep < 0 ? new ProcedureStep(line, "") : new ProcedureStep(line[..sep].Trim(), line[(sep + 1)..].Trim()));
            }
            string? Opt(string column) => MatterSheet.Cell(r, column) is { Length: > 0 } s ? s : null;
            var code = basic.IsSuccess ? basic.Value.Value : "";
            var rule = Opt("路由规则");
            var kind = Opt("办理部门类别");
            var content = new MatterContent
            {
                Name = Opt("事项名称") ?? "",
                LegalBasis = Opt("设定依据") ?? "",
                AcceptanceConditions = Opt("受理条件") ?? "",
                Procedure = steps,
                StatutoryLimitDays = statutory,
                PromisedLimitDays = promised,
                Fee = new FeeDefinition(charged == "是", Opt("收费标准"), Opt("收费依据")),
                Location = Opt("办理地点"),
                Hours = Opt("办理时间"),
                ConsultPhone = Opt("咨询电话"),
                SupervisionPhone = Opt("监督电话"),
                OnlineDepth = depth,
                OnSiteVisits = visits,
                Routing = new RoutingDefinition(kind ?? "", rule ?? (kind is null ? "" : System.Text.Json.JsonSerializer.Serialize(kind))),
                WorkflowKey = Opt("流程定义") ?? "",
                Keywords = (Opt("关键词") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Materials = materials.TryGetValue(code, out var ms) ? [.. ms.Select(m => m.Material)] : [],
            };
            if (!ok) continue;
            foreach (var e in MatterValidation.CheckComplete(content))
            {
                var path = e.Field!["content.".Length..];
                if (path.StartsWith("materials[", StringComparison.Ordinal) && ms is not null)
                {
                    var index = int.Parse(path["materials[".Length..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                    var sub = path[(path.IndexOf(']', StringComparison.Ordinal) + 2)..];
                    Fail("申请材料", ms[index].Row, MaterialColumnOf.GetValueOrDefault(sub, sub), e.Code, e.Message, e.MessageEn);
                }
                else
                {
                    var root = path.Split('.', '[')[0];
                    Fail("事项", row, ColumnOf.GetValueOrDefault(root, root), e.Code, e.Message, e.MessageEn);
                }
            }
            parsed.Add((row, basic.Value, level!.Value, Opt("上级编码"), type!.Value, content));
        }
        foreach (var orphan in materials.Keys.Where(k => !codesInFile.Contains(k)))
            foreach (var (row, _) in materials[orphan])
                Fail("申请材料", row, "基本编码", "import.unknown_matter", $"事项表中没有基本编码 {orphan}", $"sheet 事项 has no basic code {orphan}");
        var existing = await db.Matters.Where(m => m.StandardId == null).ToDictionaryAsync(m => m.BasicCode, StringComparer.Ordinal, ct);
        foreach (var p in parsed.Where(p => p.Level != MatterLevel.Main && (p.Parent is null || (!codesInFile.Contains(p.Parent) && !existing.ContainsKey(p.Parent)))))
            Fail("事项", p.Row, "上级编码", "parent.unknown", "子项和业务办理项须指定存在的上级事项编码", "sub-items and business items need an existing parent code");
        if (parsed.Count == 0 && errors.Count == 0)
            return Outcomes.Invalid<Response>("import.empty", "文件中没有数据行", "The file has no data rows", "file");
        if (errors.Count > 0)
        {
            await audit.WriteAsync("matters.catalog.import_refused", "catalog", CatalogScope.Province, actor, new { errors = errors.Count }, "failure", ct);
            return Outcomes.Invalid<Response>([.. errors.Take(500)]);
        }
        int created = 0, updated = 0, unchanged = 0;
        var now = clock.GetUtcNow();
        foreach (var p in parsed)
        {
            if (existing.TryGetValue(p.Code.Value, out var m))
            {
                var latest = await MatterDrafts.LatestOwnAsync(db, m, ct);
                var content = p.Content with { Form = latest.Form };
                if (content.ToJson() == latest.ToJson() && m.Level == p.Level && m.Type == p.Type) { unchanged++; continue; }
                m.Level = p.Level;
                m.ParentCode = p.Parent;
                m.Type = p.Type;
                await MatterDrafts.SaveDraftAsync(db, m, content, content, actor, now, ct);
                updated++;
            }
            else
            {
                var matter = new Matter
                {
                    BasicCode = p.Code.Value, DivisionCode = CatalogScope.Province, Level = p.Level, ParentCode = p.Parent, Type = p.Type,
                    Name = p.Content.Name!, UpdatedAt = now,
                };
                db.Matters.Add(matter);
                await MatterDrafts.SaveDraftAsync(db, matter, p.Content, p.Content, actor, now, ct);
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("matters.catalog.imported", "catalog", CatalogScope.Province, actor, new { created, updated, unchanged }, ct: ct);
        return new Response(created, updated, unchanged);
    }
}
