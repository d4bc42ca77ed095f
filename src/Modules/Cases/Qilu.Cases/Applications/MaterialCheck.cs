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
/// A certificate material is checked against the applicant's own wallet: a valid certificate of the type is recorded
/// by its 证照标识; one that is expired, suspended or revoked cannot stand in for the material (the applicant uploads
/// a valid one instead, or is told why not); a type the applicant holds none of (it may be a family member's, e.g. a
/// newborn's 出生医学证明) is marked for the handling unit to verify with the issuer.
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
        string ownerId, CasesDbContext db, DateTimeOffset now, CancellationToken ct, ApplicantWallet? wallet = null)
    {
        wallet ??= ApplicantWallet.Empty;
        var errors = new List<Error>();
        var result = new JsonArray();
        var exempted = 0;
        var byKey = (submitted ?? []).Where(i => i.Key is not null).GroupBy(i => i.Key!).ToDictionary(g => g.Key, g => g.First());
        var fileIds = byKey.Values.Where(i => i.FileId is not null).Select(i => i.FileId!.Value).ToList();
        var files = await db.Files.AsNoTracking().Where(f => fileIds.Contains(f.Id) && f.OwnerId == ownerId)
            .Select(f => new OwnFile(f.Id, f.Name, f.ValidUntil)).ToListAsync(ct);
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
                if (m.Source == CaseMaterialSource.Certificate && m.SourceCode is { } type)
                {
                    if (wallet.Valid.TryGetValue(type, out var held))
                    {
                        entry["certificate"] = ApplicantWallet.Describe(held.Certificate);
                        entry["provided"] = $"已从本人证照夹调取（证照标识 {held.Certificate.LicenceId}）";
                    }
                    else if (wallet.Unusable.TryGetValue(type, out var bad))
                    {
                        // An unusable certificate never silently counts as provided: a valid upload replaces it.
                        var upload = UploadFor(m, byKey, files);
                        if (upload is not null && (upload.ValidUntil is null || upload.ValidUntil >= now))
                        {
                            entry["fileId"] = upload.Id.ToString();
                            entry["fileName"] = upload.Name;
                            entry["provided"] = $"本人《{bad.TypeName}》电子证照{ApplicantWallet.StatusZh(bad.Status)}，已改为上传材料";
                            result.Add(entry);
                            continue;
                        }
                        if (m.Required)
                            errors.Add(new Error("material.certificate_unusable",
                                $"您的《{bad.TypeName}》电子证照{ApplicantWallet.StatusZh(bad.Status)}，不能作为“{m.Name}”免提交，请上传有效的材料",
                                $"Your '{bad.TypeName}' certificate is {bad.Status} and cannot stand in for '{m.Name}'; upload a valid one", $"materials.{m.Key}"));
                        continue;
                    }
                    else
                    {
                        entry["certificate"] = null;
                        entry["verify"] = true;
                        entry["provided"] = "本人证照夹中未找到，由受理部门向颁证部门核验";
                    }
                }
                exempted++;
            }
            else if (m.Source == CaseMaterialSource.Exempt)
            {
                exempted++;
            }
            else
            {
                var file = UploadFor(m, byKey, files);
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

    private sealed record OwnFile(Guid Id, string Name, DateTimeOffset? ValidUntil);

    private static OwnFile? UploadFor(CaseMaterial m, Dictionary<string, Item> byKey, List<OwnFile> files) =>
        byKey.TryGetValue(m.Key, out var item) && item.FileId is { } id ? files.FirstOrDefault(f => f.Id == id) : null;
}
