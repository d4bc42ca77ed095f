using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;
using Qilu.Platform.Cryptography;
using Qilu.Platform.Cryptography.Keys;
using Qilu.Trust.Data;

namespace Qilu.Trust.Authority;

/// <summary>
/// The platform's own SM2 certificate authority: a self-signed root and one intermediate (both keys in the key store
/// under <see cref="RootPurpose"/> and <see cref="IntermediatePurpose"/>) that issues seal certificates and acts as
/// 制章者 (seal maker) for GB/T 38540 SESeal structures. Certificates are created at start when missing for the active
/// key and cached; thread-safe singleton.
/// </summary>
internal sealed class CertificateAuthority(IServiceScopeFactory scopes, IKeyStore keys, TimeProvider clock) : IDisposable
{
    public const string RootPurpose = "trust.ca.root";
    public const string IntermediatePurpose = "trust.ca.intermediate";
    private const string Root = "root";
    private const string Intermediate = "intermediate";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private State? _state;

    private sealed record State(X509Certificate Root, X509Certificate Intermediate, Sm2SigningKey IntermediateKey,
        IReadOnlyList<X509Certificate> AllIntermediates);

    public void Dispose() => _lock.Dispose();

    /// <summary>The root certificate.</summary>
    public X509Certificate RootCertificate => Current.Root;

    /// <summary>The current intermediate certificate (issuer of new seal certificates).</summary>
    public X509Certificate IntermediateCertificate => Current.Intermediate;

    private State Current => _state ?? throw new InvalidOperationException("The certificate authority is not initialised (TrustInitializer runs EnsureAsync at start).");

    /// <summary>Creates the root and intermediate certificates when the active keys have none.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var rootKey = await keys.GetActiveSm2KeyAsync(RootPurpose, ct);
            var interKey = await keys.GetActiveSm2KeyAsync(IntermediatePurpose, ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrustDbContext>();
            var root = await FindOrCreateAsync(db, Root, rootKey, () =>
            {
                var name = new X509Name("C=CN,O=Qilu 齐鲁政务服务平台,CN=Qilu SM2 Root CA 齐鲁国密根证书");
                return Build(name, name, rootKey.PublicKey, rootKey, 20, ca: true, pathLength: 1, issuer: null);
            }, ct);
            var inter = await FindOrCreateAsync(db, Intermediate, interKey, () => Build(
                new X509Name("C=CN,O=Qilu 齐鲁政务服务平台,CN=Qilu SM2 Seal CA 齐鲁电子印章证书"), root.SubjectDN,
                interKey.PublicKey, rootKey, 10, ca: true, pathLength: 0, issuer: root), ct);
            var all = await db.CaCertificates.AsNoTracking().Where(c => c.Kind == Intermediate).Select(c => c.Der).ToListAsync(ct);
            _state = new State(root, inter, interKey, [.. all.Select(d => new X509Certificate(d))]);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Issues an end-entity certificate for a seal key (digitalSignature + nonRepudiation).</summary>
    public X509Certificate IssueSealCertificate(Sm2PublicKey subjectKey, string commonName, string organisation,
        string creditCode, DateTimeOffset notAfter)
    {
        var s = Current;
        var subject = new X509Name(
            [X509Name.C, X509Name.O, X509Name.SerialNumber, X509Name.CN],
            new Dictionary<DerObjectIdentifier, string>
            {
                [X509Name.C] = "CN", [X509Name.O] = organisation, [X509Name.SerialNumber] = creditCode, [X509Name.CN] = commonName,
            });
        var now = clock.GetUtcNow();
        var until = notAfter < s.Intermediate.NotAfter ? notAfter : new DateTimeOffset(s.Intermediate.NotAfter, TimeSpan.Zero);
        var gen = Generator(subject, s.Intermediate.SubjectDN, subjectKey, now, until);
        gen.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(s.Intermediate.GetPublicKey()));
        return gen.Generate(new Sm2SignatureFactory(s.IntermediateKey));
    }

    /// <summary>Signs as 制章者 with the intermediate key (SESeal.signedValue); returns DER and the maker certificate.</summary>
    public (byte[] Signature, X509Certificate MakerCertificate) SignAsMaker(byte[] data)
    {
        var s = Current;
        return (s.IntermediateKey.Sign(data), s.Intermediate);
    }

    /// <summary>
    /// True when <paramref name="certificate"/> was issued by one of this CA's intermediates (current or earlier) and its
    /// signature verifies. Validity dates are the caller's concern (expired and untrusted are different answers).
    /// </summary>
    public bool IsIssuedByThisAuthority(X509Certificate certificate)
    {
        foreach (var inter in Current.AllIntermediates)
        {
            if (!inter.SubjectDN.Equivalent(certificate.IssuerDN)) continue;
            try
            {
                certificate.Verify(inter.GetPublicKey());
                return true;
            }
            catch (Exception ex) when (ex is InvalidKeyException or SignatureException or CertificateException)
            {
                // Another intermediate with the same name may have signed it: keep looking.
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="certificate"/> is one of this CA's intermediates (current or retired).</summary>
    public bool IsOwnIntermediate(X509Certificate certificate) =>
        Current.AllIntermediates.Any(c => c.GetEncoded().AsSpan().SequenceEqual(certificate.GetEncoded()));

    private async Task<X509Certificate> FindOrCreateAsync(TrustDbContext db, string kind, Sm2SigningKey key,
        Func<X509Certificate> build, CancellationToken ct)
    {
        var row = await db.CaCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Kind == kind && c.KeyId == key.KeyId, ct);
        if (row is not null) return new X509Certificate(row.Der);
        var cert = build();
        db.CaCertificates.Add(new CaCertificate
        {
            Kind = kind, KeyId = key.KeyId, Subject = cert.SubjectDN.ToString(), Serial = cert.SerialNumber.ToString(16),
            NotBefore = new DateTimeOffset(cert.NotBefore, TimeSpan.Zero), NotAfter = new DateTimeOffset(cert.NotAfter, TimeSpan.Zero),
            Der = cert.GetEncoded(), CreatedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return cert;
        }
        catch (DbUpdateException)
        {
            // Another node created it first: use theirs, so every node publishes the same chain.
            db.ChangeTracker.Clear();
            row = await db.CaCertificates.AsNoTracking().FirstAsync(c => c.Kind == kind && c.KeyId == key.KeyId, ct);
            return new X509Certificate(row.Der);
        }
    }

    private X509Certificate Build(X509Name subject, X509Name issuerName, Sm2PublicKey subjectKey, Sm2SigningKey signer,
        int years, bool ca, int pathLength, X509Certificate? issuer)
    {
        var now = clock.GetUtcNow();
        var gen = Generator(subject, issuerName, subjectKey, now, now.AddYears(years));
        gen.AddExtension(X509Extensions.BasicConstraints, true, ca ? new BasicConstraints(pathLength) : new BasicConstraints(false));
        gen.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.KeyCertSign | KeyUsage.CrlSign | KeyUsage.DigitalSignature));
        gen.AddExtension(X509Extensions.AuthorityKeyIdentifier, false,
            X509ExtensionUtilities.CreateAuthorityKeyIdentifier(issuer?.GetPublicKey() ?? PublicKey(signer.PublicKey)));
        return gen.Generate(new Sm2SignatureFactory(signer));
    }

    private static X509V3CertificateGenerator Generator(X509Name subject, X509Name issuer, Sm2PublicKey subjectKey,
        DateTimeOffset from, DateTimeOffset until)
    {
        var gen = new X509V3CertificateGenerator();
        gen.SetSerialNumber(new BigInteger(1, System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        gen.SetIssuerDN(issuer);
        gen.SetSubjectDN(subject);
        // Back-dated a minute so a verifier whose clock lags slightly does not see a not-yet-valid certificate.
        gen.SetNotBefore(from.AddMinutes(-1).UtcDateTime);
        gen.SetNotAfter(until.UtcDateTime);
        var publicKey = PublicKey(subjectKey);
        gen.SetPublicKey(publicKey);
        gen.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        return gen;
    }

    /// <summary>The BouncyCastle form of a platform SM2 public key (named curve sm2p256v1).</summary>
    public static AsymmetricKeyParameter PublicKey(Sm2PublicKey key) => PublicKeyFactory.CreateKey(key.ExportSubjectPublicKeyInfo());
}
