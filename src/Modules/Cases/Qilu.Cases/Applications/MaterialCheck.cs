using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qilu.Cases.Catalog;
using Qilu.Cases.Data;
using Qilu.SharedKernel.Results;

namespace Qilu.Cases.Applications;

/// <summary>
/// Checks the materials of an application: each required upload references a valid file of the applicant's library;
/// materials from an electronic certificate or shared data need the applicant's consent to be fetched (免提交);
/// exempt materials need nothing. Missing materials are named one by one.
/// </summary>
internal static class MaterialCheck
{
    /// <summary>A submitted material reference.</summary>
    public sealed record Item(string? Key, Guid? FileId);

    public sealed record Outcome(JsonArray Materials, int Exempted, IReadOnlyList<Error> Errors);

    public static string ProvidedZh(CaseMaterialSource s) => s switch
    {
        CaseMaterialSource.Certificate => "由电子证照提供，免提交",
        CaseMaterialSource.SharedData => "由共享数据提供，免提交",
        CaseMaterialSource.Exempt => "免提交",
        _ => "申请人上传",
    };

    public static async Task<Outcome> CheckAsync(IReadOnlyList<CaseMaterial> materials, IReadOnlyList<Item>? submitted, bool consent,
        string ownerId, CasesDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new List<Error>();
        var result = new JsonArray();
        var exempted = 0;
        var byKey = (submitted ?? []).Where(i => i.Key is not null).GroupBy(i => i.Key!).ToDictionary(g => g.Key, g => g.First());
        var fileIds = byKey.Values.Where(i => i.FileId is not null).Select(i => i.FileId!.Value).ToList();
        var files = await db.Files.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.OwnerId == ownerId)
            .Select(f => new { f.Id, f.Name, f.ValidUntil }).ToListAsync(ct);
        foreach (var m in materials)
        {
            var entry = new JsonObject { ["key"] = m.Key, ["name"] = m.Name, ["source"] = m.Source.ToString(), ["sourceCode"] = m.SourceCode, ["provided"] = ProvidedZh(m.Source) };
            if (m.Source is CaseMaterialSource.Certificate or CaseMaterialSource.SharedData)
            {
                if (!consent)
                {
                    if (m.Required)
                        errors.Add(new Error("material.consent_required", $"材料“{m.Name}”由{(m.Source == CaseMaterialSource.Certificate ? "电子证照" : "共享数据")}提供，需要您同意调取",
                            $"Material '{m.Name}' comes from {(m.Source == CaseMaterialSource.Certificate ? "an electronic certificate" : "shared data")}: consent is required", "consent"));
                    continue;
                }
                entry["consented"] = true;
                exempted++;
            }
            else if (m.Source == CaseMaterialSource.Exempt)
            {
                exempted++;
            }
            else
            {
                var file = byKey.TryGetValue(m.Key, out var item) && item.FileId is { } id ? files.FirstOrDefault(f => f.Id == id) : null;
                if (file is null)
                {
                    if (m.Required)
                        errors.Add(new Error("material.missing", $"缺少材料：{m.Name}", $"Missing material: {m.Name}", $"materials.{m.Key}"));
                    continue;
                }
                if (file.ValidUntil is { } until && until < now)
                {
                    errors.Add(new Error("material.expired", $"材料“{m.Name}”引用的文件已过有效期", $"The file for '{m.Name}' has expired", $"materials.{m.Key}"));
                    continue;
                }
                entry["fileId"] = file.Id.ToString();
                entry["fileName"] = file.Name;
            }
            result.Add(entry);
        }
        return new Outcome(result, exempted, errors);
    }
}
