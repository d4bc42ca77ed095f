using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Qilu.Platform.Auth;
using Qilu.SharedKernel.Actors;
using Qilu.SharedKernel.Identifiers;
using Qilu.SharedKernel.Results;
using Qilu.Trust.Auditing;
using Qilu.Trust.Contracts;
using Qilu.Trust.Data;

namespace Qilu.Trust.Certificates;

/// <summary>
/// POST /api/trust/certificate-types: defines a certificate type (证照类型) with its metadata schema. The code is the
/// defining body's 统一社会信用代码 + a 3-digit number; the schema's fields need distinct camelCase names, labels, sane
/// lengths and patterns that compile — each violation is reported with the field it concerns.
/// </summary>
internal static partial class CreateCertificateType
{
    public sealed record Request(string? Code, string? Name, string? NameEn, string? DefiningAuthority, string? HolderKind, string? IssuerKind,
        int? ValidityYears, IReadOnlyList<SchemaField>? Schema);

    public static readonly IReadOnlyList<string> IssuerKinds =
        ["bigdata", "public_security", "market", "hrss", "health", "medical_insurance", "civil_affairs", "tax", "natural_resources", "ecology", "housing"];

    public static void Map(IEndpointRouteBuilder api) => api.MapPost("/certificate-types", EndpointAsync)
        .RequirePermission(TrustPermissions.TypesManage)
        .WithName("CreateCertificateType").WithSummary("新建证照类型 / Create a certificate type").Produces<ListCertificateTypes.Item>(StatusCodes.Status201Created);

    private static async Task<IResult> EndpointAsync(Request request, HttpContext ctx, ActorAccessor actors, TrustDbContext db, TrustAudit audit) =>
        Outcomes.Created(await HandleAsync(actors.FromContext(ctx), request, db, audit, ctx.RequestAborted), t => $"/api/trust/certificate-types/{t.Code}");

    internal static async Task<Result<ListCertificateTypes.Item>> HandleAsync(Actor actor, Request r, TrustDbContext db, TrustAudit audit, CancellationToken ct)
    {
        if (Outcomes.Lacks(actor, TrustPermissions.TypesManage) is { } denied) return Outcomes.Denied<ListCertificateTypes.Item>(denied);
        var errors = new List<Error>();
        var code = r.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 21 || !CreditCode.TryParse(code[..18], out _) || !code[18..].All(char.IsAsciiDigit))
            errors.Add(new Error("type.code", "证照类型代码须为定义机构的统一社会信用代码（18 位）+ 3 位数字", "The code is the defining body's credit code (18) + 3 digits", "code"));
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > 100) errors.Add(new Error("type.name", "请填写证照名称（不超过 100 字）", "Name is required (≤ 100)", "name"));
        if (string.IsNullOrWhiteSpace(r.NameEn) || r.NameEn.Trim().Length > 100) errors.Add(new Error("type.name_en", "请填写英文名称（不超过 100 字）", "English name is required (≤ 100)", "nameEn"));
        if (string.IsNullOrWhiteSpace(r.DefiningAuthority) || r.DefiningAuthority.Trim().Length > 100)
            errors.Add(new Error("type.defining_authority", "请填写证照定义机构", "The defining authority is required", "definingAuthority"));
        if (r.HolderKind is not ("person" or "organisation"))
            errors.Add(new Error("type.holder_kind", "持证主体类型须为 person 或 organisation", "holderKind must be person or organisation", "holderKind"));
        if (r.IssuerKind is null || !IssuerKinds.Contains(r.IssuerKind))
            errors.Add(new Error("type.issuer_kind", $"颁证部门类型须为：{string.Join("、", IssuerKinds)}", $"issuerKind must be one of {string.Join(", ", IssuerKinds)}", "issuerKind"));
        if (r.ValidityYears is < 1 or > 100) errors.Add(new Error("type.validity", "有效年限为 1–100 年或留空（长期）", "validityYears is 1–100 or empty", "validityYears"));
        var schema = r.Schema ?? [];
        if (schema.Count > 50) errors.Add(new Error("type.schema_size", "字段不超过 50 个", "At most 50 fields", "schema"));
        for (var i = 0; i < schema.Count; i++)
        {
            var f = schema[i];
            var at = $"schema[{i}]";
            if (f.Name is null || !FieldName().IsMatch(f.Name)) errors.Add(new Error("type.field_name", $"第 {i + 1} 个字段名须为小驼峰英文（如 registeredCapital）", $"{at}.name must be camelCase", $"{at}.name"));
            else if (schema.Take(i).Any(o => o.Name == f.Name)) errors.Add(new Error("type.field_duplicate", $"字段名“{f.Name}”重复", $"Duplicate field '{f.Name}'", $"{at}.name"));
            if (string.IsNullOrWhiteSpace(f.Label) || f.Label.Length > 50) errors.Add(new Error("type.field_label", $"第 {i + 1} 个字段须有标签（不超过 50 字）", $"{at}.label is required", $"{at}.label"));
            if (f.MaxLength is < 1 or > 2000) errors.Add(new Error("type.field_length", $"第 {i + 1} 个字段的最大长度为 1–2000", $"{at}.maxLength is 1–2000", $"{at}.maxLength"));
            if (f.Pattern is not null)
            {
                try
                {
                    _ = new Regex(f.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException)
                {
                    errors.Add(new Error("type.field_pattern", $"第 {i + 1} 个字段的格式（正则）无效", $"{at}.pattern is not a valid regular expression", $"{at}.pattern"));
                }
            }
        }
        if (errors.Count > 0) return Result<ListCertificateTypes.Item>.Failure(errors);
        if (await db.CertificateTypes.AnyAsync(t => t.Code == code, ct))
            return Outcomes.Conflict<ListCertificateTypes.Item>("type.code_taken", "该证照类型代码已存在", "The type code exists", "code");
        var type = new CertificateType
        {
            Code = code, Name = r.Name!.Trim(), NameEn = r.NameEn!.Trim(), DefiningAuthority = r.DefiningAuthority!.Trim(), HolderKind = r.HolderKind!,
            IssuerKind = r.IssuerKind!, ValidityYears = r.ValidityYears, SchemaJson = JsonSerializer.Serialize(schema, TrustJson.Options),
        };
        db.CertificateTypes.Add(type);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("trust.types.created", "certificate_type", code, "success", actor, new { type.Name, fields = schema.Count }, ct);
        return new ListCertificateTypes.Item(type.Code, type.Name, type.NameEn, type.DefiningAuthority, type.HolderKind, type.IssuerKind, type.ValidityYears, [.. schema]);
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex FieldName();
}
