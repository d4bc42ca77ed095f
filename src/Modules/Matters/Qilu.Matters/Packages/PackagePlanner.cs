using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Matters.Catalog;
using Qilu.Matters.Codes;
using Qilu.Matters.Contracts;
using Qilu.Matters.Data;
using Qilu.SharedKernel.Results;

namespace Qilu.Matters.Packages;

/// <summary>
/// Plans a package import into a division: the implementing unit becomes the target's unit of the same department kind
/// (the directory's responsible unit for that division), the implementation code is recomposed, and the local elements
/// take the values supplied; every other element is carried over, so the target deviates from the standard exactly
/// where the source did.
/// </summary>
internal static class PackagePlanner
{
    public static async Task<PackagePlan> PlanAsync(MatterPackage package, string target, LocalElements local, MattersDbContext db,
        IOrganisationDirectory directory, CancellationToken ct)
    {
        var errors = new List<Error>();
        var planned = new List<PlannedMatter>();
        if (package.Format != MatterPackage.CurrentFormat)
            errors.Add(new Error("package.format", $"不支持的包格式“{package.Format}”", $"Unsupported package format '{package.Format}'", "package.format"));
        if (await directory.FindDivisionAsync(target, ct) is null)
            errors.Add(new Error("division.unknown", "目标行政区划不存在", "The target division does not exist", "targetDivision"));
        var localErrors = MatterValidation.CheckElements(new MatterContent
        {
            ConsultPhone = local.ConsultPhone, SupervisionPhone = local.SupervisionPhone, Location = local.Location, Hours = local.Hours,
        }, "local");
        errors.AddRange(localErrors);
        if (errors.Count > 0) return new PackagePlan(target, [], null, errors);
        for (var i = 0; i < package.Matters.Count; i++)
        {
            var p = package.Matters[i];
            var at = $"package.matters[{i}]";
            var standard = await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.StandardId == null && m.BasicCode == p.BasicCode, ct);
            var standardContent = standard is null ? null : await MatterDrafts.PublishedStandardAsync(db, standard.Id, ct);
            if (standard is null || standardContent is null)
            {
                errors.Add(new Error("package.standard_missing", $"事项 {p.BasicCode}（{p.Name}）在本省标准目录中不存在或未发布", $"Matter {p.BasicCode} is not a published standard here", at + ".basicCode"));
                continue;
            }
            var unit = await directory.FindResponsibleUnitAsync(p.UnitKind, target, ct);
            if (unit is null)
            {
                errors.Add(new Error("package.unit_missing", $"目标区划没有“{UnitKinds.Zh(p.UnitKind)}”类部门可作为实施主体", $"No {p.UnitKind} unit governs the target division", at + ".unitKind"));
                continue;
            }
            var adapted = p.Content with
            {
                ConsultPhone = local.ConsultPhone ?? p.Content.ConsultPhone,
                SupervisionPhone = local.SupervisionPhone ?? p.Content.SupervisionPhone,
                Location = local.Location ?? p.Content.Location,
                Hours = local.Hours ?? p.Content.Hours,
            };
            var effective = MatterContent.OverridesOf(adapted, standardContent).Over(standardContent);
            foreach (var e in MatterValidation.CheckComplete(effective)) errors.Add(e with { Field = at + "." + e.Field });
            var code = ImplementationCode.Compose(MatterBasicCode.Parse(p.BasicCode).Value, target, unit.CreditCode);
            var existing = await db.Matters.AsNoTracking().FirstOrDefaultAsync(m => m.BasicCode == p.BasicCode && m.DivisionCode == target && m.ImplementingUnitId == unit.Id, ct);
            var changes = new List<PlannedChange>
            {
                new("implementingUnit", "实施主体", p.SourceUnitName ?? "", unit.Name),
                new("implementationCode", "实施编码", p.SourceImplementationCode ?? "", code),
                new("division", "行政区划", p.SourceDivision, target),
            };
            foreach (var e in MatterElements.All.Where(e => e.Local))
            {
                var from = MatterElements.Describe(e.Get(p.Content));
                var to = MatterElements.Describe(e.Get(effective));
                if (from != to) changes.Add(new(e.Key, e.Zh, from, to));
            }
            var deviating = Deviations.Between(standardContent, MatterContent.OverridesOf(effective, standardContent)).Select(d => d.ElementZh).ToList();
            planned.Add(new PlannedMatter(p.BasicCode, effective.Name!, existing is null ? "create" : "new_draft", existing?.Id,
                new ImplementingUnit(unit.Id, unit.Name, unit.CreditCode, unit.Kind), code, changes, deviating, effective));
        }
        PlannedBundle? bundle = null;
        if (package.Bundle is { } b)
        {
            var exists = await db.Bundles.AsNoTracking().AnyAsync(x => x.Code == b.Code && x.DivisionCode == target, ct);
            bundle = new PlannedBundle(b.Code, b.Content.Name, exists ? "new_draft" : "create");
        }
        return new PackagePlan(target, planned, bundle, errors);
    }
}
