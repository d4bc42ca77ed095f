using Microsoft.EntityFrameworkCore;
using Qilu.Identity.Contracts;
using Qilu.Identity.Data;
using Qilu.Platform.Cryptography.Fields;

namespace Qilu.Identity.Accounts;

/// <summary>Decrypts a citizen's own ID number for <see cref="IPersonDirectory"/>.</summary>
internal sealed class PersonDirectory(IdentityDbContext db, IFieldProtector protector) : IPersonDirectory
{
    public async Task<string?> FindIdNumberAsync(string subjectId, CancellationToken ct = default)
    {
        if (!Guid.TryParse(subjectId, out var id)) return null;
        var protectedId = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == id && a.Kind == AccountKind.Citizen).Select(a => a.IdNumberProtected).FirstOrDefaultAsync(ct);
        return string.IsNullOrEmpty(protectedId) ? null : protector.Unprotect(protectedId);
    }
}
