using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qilu.Identity.Auditing;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Auth;
using Qilu.Platform.Http;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;

namespace Qilu.Identity.Divisions;

/// <summary>
/// POST /api/identity/divisions/import (multipart file, CSV or XLSX with columns code,name,level,parent): adds new
/// divisions and renames existing ones inside the caller's scope. Every row is validated (code per GB/T 2260, level
/// matching the code, parent existing and being the code's structural parent); if any row is wrong nothing is
/// written and every rejected row is reported with its row number, field and reason.
/// </summary>
internal static partial class ImportDivisions
{
    public sealed record RowError(int Row, string Field, string Code, string Message, string MessageEn);

    public sealed record Response(int Added, int Renamed, int Unchanged);

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/divisions/import", EndpointAsync)
        .RequirePermission(IdentityPermissions.DivisionsManage).DisableAntiforgery()
        .WithName("ImportDivisions").WithSummary("导入行政区划 / Import divisions (CSV or XLSX)").Produces<Response>();

    private static async Task<IResult> EndpointAsync(IFormFile? file, HttpContext ctx, ActorAccessor actors, IdentityDbContext db, IdentityAudit audit)
    {
        if (file is null || file.Length == 0)
            return Problems.Validation(new Error("required", "请上传文件", "A file is required", "file"));
        await using var stream = file.OpenReadStream();
        return Outcomes.Ok(await HandleAsync(actors.FromContext(ctx), file.FileName, stream, db, audit, null, ctx.RequestAborted));
    }

    /// <summary>
    /// The use case, for the endpoint and the admin page alike. <paramref name="progress"/> receives (rows checked,
    /// rows in all) while rows are validated.
    /// </summary>
    internal static async Task<Result<Response>> HandleAsync(Actor actor, string fileName, Stream stream, IdentityDbContext db, IdentityAudit audit,
        Action<int, int>? progress, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, IdentityPermissions.DivisionsManage) is { } denied) return Outcomes.Denied<Response>(denied);
        var rows = new List<(int Row, string Code, string Name, string Level, string Parent)>();
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var n = 1;
            foreach (IDictionary<string, object?> r in await stream.QueryAsync(useHeaderRow: true, cancellationToken: ct))
                rows.Add((++n, Cell(r, "code"), Cell(r, "name"), Cell(r, "level"), Cell(r, "parent")));
        }
        else
        {
            using var reader = new StreamReader(stream, leaveOpen: true);
            await reader.ReadLineAsync(ct);
            var n = 1;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                n++;
                if (line.Length == 0) continue;
                var f = line.Split(',');
                rows.Add((n, f.ElementAtOrDefault(0)?.Trim() ?? "", f.ElementAtOrDefault(1)?.Trim() ?? "", f.ElementAtOrDefault(2)?.Trim() ?? "", f.ElementAtOrDefault(3)?.Trim() ?? ""));
            }
        }
        if (rows.Count == 0) return Outcomes.Invalid<Response>("import.empty", "文件中没有数据行", "The file has no data rows", "file");
        var scope = DivisionScope.PrefixOf(actor.DivisionCode ?? "-");
        var existing = await db.Divisions.Where(d => d.Code.StartsWith(scope) || d.Code == actor.DivisionCode).ToDictionaryAsync(d => d.Code, ct);
        var known = existing.Keys.ToHashSet();
        foreach (var r in rows) known.Add(r.Code);
        var errors = new List<RowError>();
        var checkedRows = 0;
        foreach (var r in rows)
        {
            if (++checkedRows % 200 == 0) progress?.Invoke(checkedRows, rows.Count);
            var parsed = DivisionCode.Parse(r.Code);
            if (!parsed.IsSuccess) { errors.Add(new RowError(r.Row, "code", parsed.Error.Code, parsed.Error.Message, parsed.Error.MessageEn)); continue; }
            var code = parsed.Value;
            if (!r.Code.StartsWith(scope, StringComparison.Ordinal))
                errors.Add(new RowError(r.Row, "code", "division.out_of_scope", "该区划不在您的管辖范围内", "The division is outside your scope"));
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 64)
                errors.Add(new RowError(r.Row, "name", "required", "名称不能为空且不超过64字", "Name is required (at most 64 characters)"));
            if (!Enum.TryParse<DivisionLevel>(r.Level, true, out var level) || level != code.Level)
                errors.Add(new RowError(r.Row, "level", "division.level_mismatch", $"层级应为 {code.Level}", $"Level must be {code.Level}"));
            var structuralParent = code.Parent?.ToString();
            if (structuralParent is not null && r.Parent != structuralParent)
                errors.Add(new RowError(r.Row, "parent", "division.parent_mismatch", $"上级区划应为 {structuralParent}", $"Parent must be {structuralParent}"));
            else if (r.Parent.Length > 0 && !known.Contains(r.Parent))
                errors.Add(new RowError(r.Row, "parent", "division.parent_unknown", "上级区划不存在", "The parent division does not exist"));
        }
        progress?.Invoke(rows.Count, rows.Count);
        if (errors.Count > 0)
        {
            await audit.WriteAsync("identity.divisions.import_refused", "division", actor.DivisionCode, "failure", new { rows = rows.Count, errors = errors.Count }, actor, ct);
            return Result<Response>.Failure([.. errors.Take(200).Select(e =>
                new Error(e.Code, $"第{e.Row}行：{e.Message}", $"Row {e.Row}: {e.MessageEn}", $"rows[{e.Row}].{e.Field}"))]);
        }
        int added = 0, renamed = 0, unchanged = 0;
        foreach (var r in rows)
        {
            if (existing.TryGetValue(r.Code, out var d))
            {
                if (d.Name == r.Name) unchanged++;
                else { d.Name = r.Name; renamed++; }
            }
            else
            {
                db.Divisions.Add(new Division { Code = r.Code, Name = r.Name, Level = (int)Enum.Parse<DivisionLevel>(r.Level, true), ParentCode = r.Parent.Length == 0 ? null : r.Parent });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("identity.divisions.imported", "division", actor.DivisionCode, "success", new { added, renamed, unchanged }, actor, ct);
        return new Response(added, renamed, unchanged);
    }

    /// <summary>Row errors back from a refused import's errors (field <c>rows[N].field</c>, message "第N行：reason").</summary>
    internal static List<RowError> RowErrorsOf(IReadOnlyList<Error> errors) =>
        [.. errors.Select(e =>
        {
            var m = RowField().Match(e.Field ?? "");
            var row = m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var field = m.Success ? m.Groups[2].Value : e.Field ?? "";
            var colon = e.Message.IndexOf('：', StringComparison.Ordinal);
            var colonEn = e.MessageEn.IndexOf(": ", StringComparison.Ordinal);
            return new RowError(row, field, e.Code, colon >= 0 ? e.Message[(colon + 1)..] : e.Message, colonEn >= 0 ? e.MessageEn[(colonEn + 2)..] : e.MessageEn);
        })];

    [System.Text.RegularExpressions.GeneratedRegex(@"^rows\[(\d+)\]\.(\w+)$")]
    private static partial System.Text.RegularExpressions.Regex RowField();

    private static string Cell(IDictionary<string, object?> row, string key) =>
        row.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "" : "";
}
