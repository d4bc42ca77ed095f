using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.X509;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Authority;
using Qilu.Trust.Data;

namespace Qilu.Trust.Codes;

/// <summary>
/// The platform's code-signing key (<see cref="Purpose"/>) and its end-entity certificate, issued by the platform CA's
/// intermediate, so that personal and enterprise codes verify offline against the published chain exactly like the
/// seal-signed certificate payloads. The certificate is created once per active key and kept with the CA certificates
/// (kind <c>code_signer</c>); thread-safe singleton.
/// </summary>
internal sealed class CodeSigner(IServiceScopeFactory scopes, IKeyStore keys, CertificateAuthority ca, TimeProvider clock) : IDisposable
{
    public const string Purpose = "trust.codes";
    private const string Kind = "code_signer";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (Sm2SigningKey Key, X509Certificate Certificate)? _state;

    public void Dispose() => _lock.Dispose();

    /// <summary>Signs <paramref name="body"/> (SM2 r‖s, 64 bytes) and returns the signer certificate's serial with it.</summary>
    public async Task<(byte[] Signature, string Serial)> SignAsync(byte[] body, CancellationToken ct)
    {
        var (key, cert) = await StateAsync(ct);
        return (key.Sign(body, Sm2SignatureEncoding.Raw), cert.SerialNumber.ToString(16));
    }

    /// <summary>The current signer certificate.</summary>
    public async Task<X509Certificate> CertificateAsync(CancellationToken ct) => (await StateAsync(ct)).Certificate;

    /// <summary>The public key of the signer certificate with <paramref name="serial"/> when this CA issued it, else null.</summary>
    public async Task<Sm2PublicKey?> FindKeyAsync(string serial, CancellationToken ct)
    {
        var (_, current) = await StateAsync(ct);
        X509Certificate? cert = current.SerialNumber.ToString(16) == serial ? current : null;
        if (cert is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var der = await db.CaCertificates.AsNoTracking().Where(c => c.Kind == Kind && c.Serial == serial).Select(c => c.Der).FirstOrDefaultAsync(ct);
            if (der is not null) cert = new X509Certificate(der);
        }
        if (cert is null || !ca.IsIssuedByThisAuthority(cert)) return null;
        return Sm2PublicKey.ImportSubjectPublicKeyInfo(cert.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded());
    }

    private async Task<(Sm2SigningKey Key, X509Certificate Certificate)> StateAsync(CancellationToken ct)
    {
        var key = await keys.GetActiveSm2KeyAsync(Purpose, ct);
        if (_state is { } s && s.Key.KeyId == key.KeyId) return s;
        await _lock.WaitAsync(ct);
        try
        {
            if (_state is { } again && again.Key.KeyId == key.KeyId) return again;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var row = await db.CaCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Kind == Kind && c.KeyId == key.KeyId, ct);
            X509Certificate cert;
            if (row is not null) cert = new X509Certificate(row.Der);
            else
            {
                cert = ca.IssueSealCertificate(key.PublicKey, "Qilu Code Signer 齐鲁码服务签名", "Qilu 齐鲁政务服务平台", "QILU-CODES",
                    clock.GetUtcNow().AddYears(5));
                db.CaCertificates.Add(new CaCertificate
                {
                    Kind = Kind, KeyId = key.KeyId, Subject = cert.SubjectDN.ToString(), Serial = cert.SerialNumber.ToString(16),
                    NotBefore = new DateTimeOffset(cert.NotBefore, TimeSpan.Zero), NotAfter = new DateTimeOffset(cert.NotAfter, TimeSpan.Zero),
                    Der = cert.GetEncoded(), CreatedAt = clock.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another node certified the same key first: publish theirs so every node signs under one serial.
                    db.ChangeTracker.Clear();
                    cert = new X509Certificate((await db.CaCertificates.AsNoTracking().FirstAsync(c => c.Kind == Kind && c.KeyId == key.KeyId, ct)).Der);
                }
            }
            _state = (key, cert);
            return (key, cert);
        }
        finally
        {
            _lock.Release();
        }
    }
}
