using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qilu.Hotline.Data;

namespace Qilu.Hotline.Open311;

/// <summary>Issues and checks Open311 <c>api_key</c>s. Keys are 32 random bytes shown once; the database keeps only their SHA-256.</summary>
internal sealed class Open311Keys(HotlineDbContext db, TimeProvider clock)
{
    public async Task<string> IssueAsync(string name, CancellationToken ct)
    {
        var key = "o311_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new Open311Key { Name = name, KeyHash = Hash(key), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The client's name for a valid key, else null.</summary>
    public async Task<string?> VerifyAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) return null;
        var hash = Hash(key.Trim());
        return await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash && !k.Revoked).Select(k => k.Name).FirstOrDefaultAsync(ct);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
