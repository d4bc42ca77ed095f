using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Identity.Accounts;

/// <summary>The <see cref="IPersonDirectory"/>: decrypts the protected fields of citizen accounts on request.</summary>
internal sealed class PersonDirectory(IdentityDbContext db, IFieldProtector protector) : IPersonDirectory
{
    public async Task<PersonProfile?> FindAsync(string subjectId, CancellationToken ct = default)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.Kind == AccountKind.Citizen, ct);
        return account is null ? null : Profile(account);
    }

    public async Task<PersonProfile?> FindByIdNumberAsync(string idNumber, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var index = protector.BlindIndex(idNumber.Trim().ToUpperInvariant(), AccountFields.IdNumberPurpose);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.IdNumberIndex == index && a.Kind == AccountKind.Citizen, ct);
        return account is null ? null : Profile(account);
    }

    public async Task<string?> FindIdNumberAsync(string subjectId, CancellationToken ct = default)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var protectedId = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == id && a.Kind == AccountKind.Citizen).Select(a => a.IdNumberProtected).FirstOrDefaultAsync(ct);
        return string.IsNullOrEmpty(protectedId) ? null : protector.Unprotect(protectedId);
    }

    private PersonProfile Profile(Account a) => new(a.Id.ToString(), a.DisplayName,
        a.IdNumberProtected is null ? null : protector.Unprotect(a.IdNumberProtected),
        a.PhoneProtected is null ? null : protector.Unprotect(a.PhoneProtected),
        a.DivisionCode, (int)a.RealNameLevel);
}
