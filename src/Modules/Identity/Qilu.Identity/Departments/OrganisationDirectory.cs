using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.SharedKernel.Actors;

namespace Qilu.Identity.Departments;

/// <summary>The <see cref="IOrganisationDirectory"/> other modules read the organisation through.</summary>
internal sealed class OrganisationDirectory(IdentityDbContext db) : IOrganisationDirectory
{
    public async Task<UnitInfo?> FindUnitAsync(Guid id, CancellationToken ct = default) =>
        await Units().Where(d => d.Id == id).Select(ToInfo).FirstOrDefaultAsync(ct);

    public async Task<UnitInfo?> FindUnitByCreditCodeAsync(string creditCode, CancellationToken ct = default) =>
        await Units().Where(d => d.CreditCode == creditCode).Select(ToInfo).FirstOrDefaultAsync(ct);

    public async Task<UnitInfo?> FindResponsibleUnitAsync(string kind, string divisionCode, CancellationToken ct = default)
    {
        foreach (var division in await AncestryAsync(divisionCode, ct))
        {
            var unit = await Units().Where(d => d.Kind == kind && d.DivisionCode == division.Code)
                .OrderBy(d => d.Order).Select(ToInfo).FirstOrDefaultAsync(ct);
            if (unit is not null) return unit;
        }
        return null;
    }

    public async Task<IReadOnlyList<UnitInfo>> ListUnitsAsync(string? divisionCode = null, string? kind = null, CancellationToken ct = default)
    {
        var query = Units();
        if (divisionCode is not null)
        {
            var prefix = DivisionScope.PrefixOf(divisionCode);
            query = query.Where(d => d.DivisionCode.StartsWith(prefix));
        }
        if (kind is not null) query = query.Where(d => d.Kind == kind);
        return await query.OrderBy(d => d.DivisionCode).ThenBy(d => d.Order).Select(ToInfo).ToListAsync(ct);
    }

    public async Task<DivisionInfo?> FindDivisionAsync(string code, CancellationToken ct = default) =>
        await db.Divisions.AsNoTracking().Where(d => d.Code == code && d.Active)
            .Select(d => new DivisionInfo(d.Code, d.Name, d.Level, d.ParentCode)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DivisionInfo>> ChildrenAsync(string code, CancellationToken ct = default) =>
        await db.Divisions.AsNoTracking().Where(d => d.ParentCode == code && d.Active).OrderBy(d => d.Code)
            .Select(d => new DivisionInfo(d.Code, d.Name, d.Level, d.ParentCode)).ToListAsync(ct);

    public async Task<IReadOnlyList<DivisionInfo>> AncestryAsync(string code, CancellationToken ct = default)
    {
        var chain = new List<DivisionInfo>();
        for (var next = await FindDivisionAsync(code, ct); next is not null && chain.Count < 6;
             next = next.ParentCode is null ? null : await FindDivisionAsync(next.ParentCode, ct))
            chain.Add(next);
        return chain;
    }

    private IQueryable<Department> Units() => db.Departments.AsNoTracking().Where(d => d.Active);

    private static readonly System.Linq.Expressions.Expression<Func<Department, UnitInfo>> ToInfo =
        d => new UnitInfo(d.Id, d.Name, d.CreditCode, d.DivisionCode, d.Kind);
}
